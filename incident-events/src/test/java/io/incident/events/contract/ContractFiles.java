package io.incident.events.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import io.incident.events.CloudEventHeaders;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.EventType;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentTriaged;
import io.incident.events.ReportAttached;
import io.incident.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Generates the published contract of the event records: one JSON Schema per catalogue entry, a schema for the
 * CloudEvents headers, and the AsyncAPI document. The files are checked in (consumers read them without building
 * anything), and {@link ContractFilesAreCurrentTest} keeps them equal to what this class generates, so they cannot
 * drift from the records.
 */
public final class ContractFiles {

    public static final String UPDATE_PROPERTY = "contract.update";
    public static final String UPDATE_COMMAND = "./mvnw -pl incident-events test -D" + UPDATE_PROPERTY + "=true";

    public static final String SCHEMA_DIR = "src/main/resources/schemas";
    public static final String HEADERS_SCHEMA = SCHEMA_DIR + "/cloudevents-headers.json";
    public static final String ASYNCAPI = "src/main/resources/asyncapi.yaml";
    public static final String PINNED_DIR = "src/test/resources/pinned";

    /** Version of the AsyncAPI document itself; each event type carries its own {@code .vN}. */
    static final String API_VERSION = "1.0.0";
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    /**
     * The components a producer may leave out because there is often nothing to say, or because they were added
     * after the event's first release (an older producer does not write them). Everything else is
     * required: a consumer may rely on it being there. Listed by hand, and checked against the records, because
     * making a field optional is a contract decision, not something to infer.
     */
    static final Map<Class<? extends IncidentEvent>, Set<String>> OPTIONAL_FIELDS = Map.of(
            // Monitoring alerts often have no description or reporting person; only alerts carry a dedup key.
            IncidentReported.class, Set.of("description", "dedupKey", "reporterRef"),
            // The storm counts came later: a ReportAttached without them stands for one report.
            ReportAttached.class, Set.of("reporterRef", "alerts", "lastSeenAt", "evidenceLinks"),
            // A note is optional, and only not-an-incident and false-positive decisions get a ticket label.
            IncidentTriaged.class, Set.of("note", "ticketLabel"));

    /** One topic per producing service; the AsyncAPI channel, its writer and what travels on it. */
    record Channel(String id, String topic, String service, String description) {
        String source() {
            return "/" + service;
        }

        String operationId() {
            return "send" + Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }
    }

    static final List<Channel> CHANNELS = List.of(
            new Channel("incidentReports", Topics.REPORTS, "intake-service",
                    "Reports taken in, and requests made by reporters and monitoring tools."),
            new Channel("incidentLifecycle", Topics.LIFECYCLE, "commander-service",
                    "Triage, paging, command and closing of incidents."),
            new Channel("incidentDeadlines", Topics.DEADLINES, "deadline-service",
                    "The clocks the process sets: scheduled, warned, breached and met."),
            new Channel("incidentNotifications", Topics.NOTIFICATIONS, "notification-service",
                    "Messages to stakeholders, and tickets filed in the ticketing system."),
            new Channel("incidentDocuments", Topics.DOCUMENTS, "docs-service",
                    "The incident document, the security form, the postmortem and the root cause analysis."));

    private static final String GENERATED_NOTE = "Generated by " + ContractFiles.class.getName()
            + " from the event records. Do not edit; regenerate with: " + UPDATE_COMMAND;

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    // Stable, diff-friendly output: two-space indent, "\n" on every platform, one array item per line.
    private static final ObjectWriter JSON_WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new QuoteWhatLooksLikeADateOrNumber())
                    .build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // Without this "1.0" would be written bare and read back as a number, not the string the header carries.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private static final SchemaGenerator SCHEMA_GENERATOR = schemaGenerator();

    private ContractFiles() {
    }

    /** Every generated file, keyed by its path relative to the incident-events module, in a stable order. */
    public static SortedMap<String, String> generate() {
        SortedMap<String, String> files = new TreeMap<>();
        for (EventType type : EventCatalog.all()) {
            files.put(schemaPath(type), json(eventSchema(type)));
        }
        files.put(HEADERS_SCHEMA, json(headersSchemaFile()));
        files.put(ASYNCAPI, "# " + GENERATED_NOTE + "\n" + yaml(asyncApi()));
        return files;
    }

    public static String schemaPath(EventType type) {
        return SCHEMA_DIR + "/" + type.type() + ".json";
    }

    public static String fixturePath(EventType type) {
        return PINNED_DIR + "/" + type.type() + ".json";
    }

    /**
     * The incident-events module directory. Surefire runs tests there and sets {@code basedir}; the check makes a
     * test started from somewhere else fail with a clear message instead of writing files in the wrong place.
     */
    public static Path moduleDir() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("src/main/java/io/incident/events/EventCatalog.java"))) {
            throw new IllegalStateException("Not the incident-events module directory: " + dir
                    + " (run the tests from the module, as Maven does)");
        }
        return dir;
    }

    /** A checked-in file, read from the source tree rather than the classpath so it is never a stale copy. */
    public static Optional<String> readCheckedIn(String relativePath) {
        Path file = moduleDir().resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readCheckedInJson(String relativePath) {
        String text = readCheckedIn(relativePath)
                .orElseThrow(() -> new IllegalStateException("Missing checked-in file " + relativePath));
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(relativePath + " is not valid JSON", e);
        }
    }

    public static JsonNode readCheckedInAsyncApi() {
        String text = readCheckedIn(ASYNCAPI)
                .orElseThrow(() -> new IllegalStateException("Missing checked-in file " + ASYNCAPI));
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ASYNCAPI + " is not valid YAML", e);
        }
    }

    /** The title every message and schema shows: "CommandHandedOff" becomes "Command handed off". */
    static String title(EventType type) {
        String words = type.simpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // JSON Schemas

    private static SchemaGenerator schemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                MAPPER, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                // Each file stands alone: no $defs, no internal $ref, so it can be copied into the AsyncAPI document.
                .with(Option.INLINE_ALL_SCHEMAS)
                // Instant becomes format date-time, UUID format uuid.
                .with(Option.STANDARD_FORMATS);
        config.forFields()
                .withRequiredCheck(field -> !isOptional(field))
                .withNullableCheck(ContractFiles::isOptional);
        // Properties in record component order, so a schema reads like the record it comes from.
        config.forTypesInGeneral()
                .withPropertySorter(Comparator.comparingInt(ContractFiles::componentIndex));
        return new SchemaGenerator(config.build());
    }

    private static boolean isOptional(MemberScope<?, ?> member) {
        return OPTIONAL_FIELDS.getOrDefault(member.getDeclaringType().getErasedType(), Set.of())
                .contains(member.getDeclaredName());
    }

    private static int componentIndex(MemberScope<?, ?> member) {
        RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
        if (components == null) {
            return 0;
        }
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        return names.indexOf(member.getDeclaredName());
    }

    static ObjectNode eventSchema(EventType type) {
        checkOptionalFields(type.recordClass());
        ObjectNode generated = SCHEMA_GENERATOR.generateSchema(type.recordClass());
        ObjectNode schema = MAPPER.createObjectNode();
        schema.set("$schema", generated.remove("$schema"));
        schema.put("$comment", GENERATED_NOTE);
        schema.put("title", type.simpleName());
        schema.put("description", EventSummaries.of(type.recordClass()) + " CloudEvents type " + type.type()
                + " on topic " + type.topic() + ".");
        schema.setAll(generated);
        return schema;
    }

    /** A typo in {@link #OPTIONAL_FIELDS} would otherwise quietly leave a field required. */
    private static void checkOptionalFields(Class<? extends IncidentEvent> recordClass) {
        for (String name : OPTIONAL_FIELDS.getOrDefault(recordClass, Set.of())) {
            RecordComponent component = Arrays.stream(recordClass.getRecordComponents())
                    .filter(c -> c.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            recordClass.getSimpleName() + " has no component " + name + " to make optional"));
            if (component.getType().isPrimitive()) {
                throw new IllegalStateException(recordClass.getSimpleName() + "." + name
                        + " is a primitive, which is never absent; only reference types may be optional");
            }
        }
    }

    /** The schema of an event as it appears in the AsyncAPI document: the same, minus the file-only keywords. */
    static ObjectNode payloadSchema(JsonNode eventSchema) {
        ObjectNode copy = eventSchema.deepCopy();
        copy.remove("$schema");
        copy.remove("$comment");
        return copy;
    }

    // ---------------------------------------------------------------------------------------------------------
    // CloudEvents headers

    /** The headers any event carries. Loose on type and source, which the per-message schemas pin down. */
    static ObjectNode headersSchemaFile() {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$comment", GENERATED_NOTE);
        schema.put("title", "CloudEvents Kafka headers");
        schema.put("description", "The Kafka record headers of every incident event: CloudEvents 1.0, binary mode."
                + " Other headers, such as tracing headers, may travel beside them.");
        schema.setAll(headersSchema(null, null));
        return schema;
    }

    /**
     * @param type   the ce_type to pin, or null for any versioned incident type (consumers skip unknown ones)
     * @param source the ce_source to pin, or null for any service
     */
    static ObjectNode headersSchema(String type, String source) {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        string(properties, CloudEventHeaders.SPEC_VERSION, "CloudEvents specification version.")
                .put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        string(properties, CloudEventHeaders.ID, "Unique id of this event; consumers deduplicate on it.")
                .put("format", "uuid");
        ObjectNode sourceHeader = string(properties, CloudEventHeaders.SOURCE, "The producing service.");
        if (source == null) {
            sourceHeader.put("pattern", "^/[a-z0-9-]+$");
        } else {
            sourceHeader.put("const", source);
        }
        ObjectNode typeHeader = string(properties, CloudEventHeaders.TYPE, "Catalogue type of the event.");
        if (type == null) {
            typeHeader.put("pattern", "^io\\.incident\\.[a-z0-9.]+\\.v[0-9]+$");
        } else {
            typeHeader.put("const", type);
        }
        string(properties, CloudEventHeaders.TIME, "When the event happened.").put("format", "date-time");
        string(properties, CloudEventHeaders.SUBJECT, "The incident id; the same as the record key.")
                .put("format", "uuid");
        string(properties, CloudEventHeaders.CONTENT_TYPE, "Media type of the record value.")
                .put("const", CloudEventHeaders.JSON);
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static ObjectNode string(ObjectNode properties, String name, String description) {
        return properties.putObject(name).put("type", "string").put("description", description);
    }

    // ---------------------------------------------------------------------------------------------------------
    // AsyncAPI

    static ObjectNode asyncApi() {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Incident platform events");
        info.put("version", API_VERSION);
        info.put("description", String.join("\n",
                "Every event the incident platform publishes on Kafka.",
                "",
                "Events are CloudEvents 1.0 in binary mode (Kafka protocol binding): the CloudEvents attributes",
                "travel as record headers (ce_specversion, ce_id, ce_source, ce_type, ce_time, ce_subject, and",
                "content-type application/json) and the record value is the event's JSON.",
                "",
                "The record key is the incident id, so all events of one incident land on the same partition and",
                "are read in the order they happened. Each topic is written by one service only.",
                "",
                "Consumers deduplicate on ce_id, skip ce_type values they do not know, and ignore payload fields",
                "they do not know: producers may add optional fields within a version. A change that would break",
                "a consumer gets a new type (.v2). Events carry no personal data; people appear as opaque ids."));
        doc.put("defaultContentType", CloudEventHeaders.JSON);

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");

        for (Channel channel : CHANNELS) {
            List<EventType> types = EventCatalog.all().stream().filter(t -> t.topic().equals(channel.topic())).toList();

            ObjectNode channelNode = channels.putObject(channel.id());
            channelNode.put("address", channel.topic());
            channelNode.put("title", channel.topic());
            channelNode.put("description", channel.description() + " Written only by " + channel.service()
                    + ". Record key: the incident id.");
            ObjectNode channelMessages = channelNode.putObject("messages");
            channelNode.putObject("bindings").putObject("kafka")
                    .put("topic", channel.topic())
                    .put("bindingVersion", KAFKA_BINDING_VERSION);

            ObjectNode operation = operations.putObject(channel.operationId());
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + channel.id());
            operation.put("title", channel.service() + " publishes on " + channel.topic());
            operation.put("summary", channel.description());
            ArrayNode operationMessages = operation.putArray("messages");

            for (EventType type : types) {
                String name = type.simpleName();
                schemas.set(type.type(), payloadSchema(eventSchema(type)));
                messages.set(name, message(type, channel));
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                operationMessages.addObject().put("$ref", "#/channels/" + channel.id() + "/messages/" + name);
            }
        }

        List<String> orphans = EventCatalog.all().stream()
                .filter(t -> CHANNELS.stream().noneMatch(c -> c.topic().equals(t.topic())))
                .map(t -> t.type() + " on " + t.topic())
                .toList();
        if (!orphans.isEmpty()) {
            throw new IllegalStateException("Events on a topic with no AsyncAPI channel: " + orphans);
        }
        return doc;
    }

    private static ObjectNode message(EventType type, Channel channel) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("name", type.simpleName());
        message.put("title", title(type));
        message.put("summary", EventSummaries.of(type.recordClass()));
        message.put("contentType", CloudEventHeaders.JSON);
        message.set("headers", headersSchema(type.type(), channel.source()));
        message.putObject("payload").put("$ref", "#/components/schemas/" + type.type());
        message.putObject("bindings").putObject("kafka")
                .put("bindingVersion", KAFKA_BINDING_VERSION)
                .putObject("key")
                .put("type", "string")
                .put("format", "uuid")
                .put("description", "The incident id, so one incident's events keep their order.");
        message.putArray("examples").add(example(type, channel));
        return message;
    }

    /** The pinned sample, so the document shows exactly what a consumer receives. */
    private static ObjectNode example(EventType type, Channel channel) {
        IncidentEvent sample = EventSamples.of(type.recordClass());
        // Fixed, so the document only changes when the contract does.
        UUID eventId = UUID.nameUUIDFromBytes(type.type().getBytes(StandardCharsets.UTF_8));
        EventEnvelope envelope = new EventEnvelope(
                eventId, channel.source(), type.type(), EventSamples.T0, sample.incidentId(), sample);
        ObjectNode example = MAPPER.createObjectNode();
        example.put("name", "pinned-sample");
        example.put("summary", "The canonical sample the contract tests pin.");
        example.set("headers", MAPPER.valueToTree(envelope.headers()));
        try {
            example.set("payload", MAPPER.readTree(EventCodec.toJson(sample)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return example;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output

    /**
     * YAML 1.1 readers (js-yaml, SnakeYAML) turn a bare {@code 2026-03-01T09:15:00Z} into a timestamp and a bare
     * {@code 1.0} into a number, so an example header or payload would no longer be the string the schema demands.
     * Quoting every value that starts with a digit is cruder than needed, and safe.
     */
    private static final class QuoteWhatLooksLikeADateOrNumber extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || (!value.isEmpty() && Character.isDigit(value.charAt(0)));
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON_WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
