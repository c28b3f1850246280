package io.incident.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.incident.events.EventCatalog;
import io.incident.events.EventType;
import io.incident.events.IncidentEvent;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event without its contract files would go out undocumented and unpinned. These tests make adding an event a
 * checklist: record, catalogue entry, sample, fixture, then the generated schema and AsyncAPI message.
 */
class ContractCoverageTest {

    private static JsonNode asyncApi;

    @BeforeAll
    static void readAsyncApi() {
        asyncApi = ContractFiles.readCheckedInAsyncApi();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.incident.events.contract.ContractCases#catalogue")
    void everyCatalogueEntryHasSampleFixtureSchemaAndMessage(EventType type) {
        String name = type.simpleName();
        JsonNode message = asyncApi.path("components").path("messages").path(name);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(EventSamples.find(type.recordClass()))
                    .as("a sample of %s in EventSamples (write it by hand)", name)
                    .isPresent();
            softly.assertThat(ContractFiles.readCheckedIn(ContractFiles.fixturePath(type)))
                    .as("pinned fixture %s (write it by hand)", ContractFiles.fixturePath(type))
                    .isPresent();
            softly.assertThat(ContractFiles.readCheckedIn(ContractFiles.schemaPath(type)))
                    .as("schema %s (run %s)", ContractFiles.schemaPath(type), ContractFiles.UPDATE_COMMAND)
                    .isPresent();
            softly.assertThat(message.isObject())
                    .as("AsyncAPI message components/messages/%s (run %s)", name, ContractFiles.UPDATE_COMMAND)
                    .isTrue();
            softly.assertThat(message.at("/headers/properties/ce_type/const").asText())
                    .as("ce_type of AsyncAPI message %s", name)
                    .isEqualTo(type.type());
            softly.assertThat(channelsCarrying(name))
                    .as("AsyncAPI channels carrying %s", name)
                    .containsExactly(type.topic());
            softly.assertThat(operationsSending(name))
                    .as("AsyncAPI operations sending %s", name)
                    .hasSize(1);
        });
    }

    /**
     * The AsyncAPI document restates the schemas and shows the fixture as its example. Comparing them catches what
     * the YAML round trip could lose (a "1.0" turned into a number, say) and keeps the example honest.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.incident.events.contract.ContractCases#catalogue")
    void asyncApiMessageAgreesWithSchemaAndFixture(EventType type) {
        JsonNode message = asyncApi.path("components").path("messages").path(type.simpleName());
        JsonNode checkedInSchema = ContractFiles.readCheckedInJson(ContractFiles.schemaPath(type));
        JsonNode fixture = ContractFiles.readCheckedInJson(ContractFiles.fixturePath(type));
        JsonNode example = message.path("examples").path(0);

        assertThat(message.at("/payload/$ref").asText())
                .as("payload of AsyncAPI message %s", type.simpleName())
                .isEqualTo("#/components/schemas/" + type.type());
        assertThat(asyncApi.path("components").path("schemas").path(type.type()))
                .as("AsyncAPI components/schemas/%s against %s", type.type(), ContractFiles.schemaPath(type))
                .isEqualTo(ContractFiles.payloadSchema(checkedInSchema));
        assertThat(example.path("payload"))
                .as("AsyncAPI example of %s against %s", type.simpleName(), ContractFiles.fixturePath(type))
                .isEqualTo(fixture);
        assertThat(JsonSchemas.violations(message.path("headers"), example.path("headers")))
                .as("example headers against the message's headers schema")
                .isEmpty();
        assertThat(JsonSchemas.violationsOfCheckedIn(ContractFiles.HEADERS_SCHEMA, example.path("headers")))
                .as("example headers against %s", ContractFiles.HEADERS_SCHEMA)
                .isEmpty();
    }

    @Test
    void noContractFilesOrSamplesForEventsOutsideTheCatalogue() throws IOException {
        Set<String> types = EventCatalog.all().stream().map(EventType::type).collect(Collectors.toSet());
        Set<String> names = EventCatalog.all().stream().map(EventType::simpleName).collect(Collectors.toSet());

        // A leftover fixture would pin an event nobody sends any more and mislead whoever reads the fixtures.
        List<String> fixtures;
        try (Stream<Path> files = Files.list(ContractFiles.moduleDir().resolve(ContractFiles.PINNED_DIR))) {
            fixtures = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).toList();
        }
        assertThat(fixtures).as("fixtures in %s", ContractFiles.PINNED_DIR).allMatch(types::contains);

        assertThat(EventSamples.all().keySet())
                .as("samples")
                .allMatch(c -> EventCatalog.all().stream().anyMatch(t -> t.recordClass().equals(c)));

        List<String> messages = new ArrayList<>();
        asyncApi.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        assertThat(messages).as("AsyncAPI messages").containsExactlyInAnyOrderElementsOf(names);
    }

    /**
     * The catalogue is the list everything else is checked against, so a record missing from it would escape every
     * other test (and fail only at run time, in {@code EventCatalog.of}). The interfaces are non-sealed, so the
     * compiler cannot list the records; the compiled package can.
     */
    @Test
    void everyEventRecordIsInTheCatalogue() throws IOException, URISyntaxException {
        Path mainClasses = Path.of(IncidentEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path eventsPackage = mainClasses.resolve(IncidentEvent.class.getPackageName().replace('.', '/'));

        List<Class<?>> records;
        try (Stream<Path> files = Files.list(eventsPackage)) {
            records = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .<Class<?>>map(f -> load(IncidentEvent.class.getPackageName() + "." + f.replaceFirst("\\.class$", "")))
                    .filter(c -> c.isRecord() && IncidentEvent.class.isAssignableFrom(c))
                    .toList();
        }

        // Guards the scan itself: finding nothing would make the next assertion pass vacuously.
        assertThat(records).as("event records in %s", eventsPackage).isNotEmpty();
        assertThat(records)
                .as("event records missing from EventCatalog")
                .allMatch(c -> EventCatalog.all().stream().anyMatch(t -> t.recordClass().equals(c)));
    }

    private static List<String> channelsCarrying(String messageName) {
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> {
            if (channel.path("messages").has(messageName)) {
                addresses.add(channel.path("address").asText());
            }
        });
        return addresses;
    }

    private static List<String> operationsSending(String messageName) {
        List<String> operations = new ArrayList<>();
        asyncApi.path("operations").fields().forEachRemaining(operation -> {
            boolean sends = "send".equals(operation.getValue().path("action").asText());
            for (JsonNode ref : operation.getValue().path("messages")) {
                if (sends && ref.path("$ref").asText().endsWith("/messages/" + messageName)) {
                    operations.add(operation.getKey());
                }
            }
        });
        return operations;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
