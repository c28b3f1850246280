package io.incident.intake.pagerduty;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incident.intake.alert.EventAction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Events API v2 request body the way PagerDuty does and reports every problem at once, in PagerDuty's
 * words, because monitoring tools log those strings for the people who configure them. Pure: no I/O.
 */
public final class PagerDutyEventParser {

    public static final int ROUTING_KEY_LENGTH = 32;
    public static final int MAX_SUMMARY = 1024;
    public static final int MAX_DEDUP_KEY = 255;
    /** Where the stored copy of an event had its routing key: the key is a credential and is never stored. */
    public static final String REDACTED = "[redacted]";

    // Strict: with two routing_key fields, or a second document after the first, which one counts would be a
    // guess; refusing is safer than guessing differently from the tool.
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().reader();

    private PagerDutyEventParser() {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    /** {@code document} is the request as sent; {@link #storedForm()} is what may be kept. */
    public record Valid(PagerDutyEvent event, ObjectNode document) implements Result {
        public String storedForm() {
            ObjectNode copy = document.deepCopy();
            copy.put("routing_key", REDACTED);
            return copy.toString();
        }
    }

    public record Invalid(List<String> errors) implements Result {
    }

    public static Result parse(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return new Invalid(List.of("Request body is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            return new Invalid(List.of("Request body must be a JSON object"));
        }
        ObjectNode event = (ObjectNode) root;
        List<String> errors = new ArrayList<>();

        String routingKey = text(event.get("routing_key"));
        if (routingKey == null || routingKey.isBlank()) {
            errors.add("'routing_key' is missing or blank");
        } else if (routingKey.length() != ROUTING_KEY_LENGTH) {
            errors.add("Length of 'routing_key' is incorrect (should be " + ROUTING_KEY_LENGTH + " characters)");
        }

        String actionText = text(event.get("event_action"));
        EventAction action = null;
        if (actionText == null || actionText.isBlank()) {
            errors.add("'event_action' is missing or blank");
        } else {
            action = EventAction.fromWire(actionText).orElse(null);
            if (action == null) {
                errors.add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or "
                        + "'resolve')");
            }
        }

        JsonNode dedupNode = event.get("dedup_key");
        String dedupKey = text(dedupNode);
        if (dedupNode != null && !dedupNode.isNull() && dedupKey == null) {
            errors.add("'dedup_key' must be a string");
        } else if (dedupKey != null && dedupKey.length() > MAX_DEDUP_KEY) {
            errors.add("'dedup_key' is too long (maximum is " + MAX_DEDUP_KEY + " characters)");
        }
        if (dedupKey != null && dedupKey.isBlank()) {
            dedupKey = null;
        }
        if (dedupKey == null && (action == EventAction.ACKNOWLEDGE || action == EventAction.RESOLVE)) {
            errors.add("'dedup_key' is missing or blank (required to " + actionText + " an alert)");
        }

        // PagerDuty reads the payload of a trigger only; acknowledge and resolve go by dedup key.
        PagerDutyEvent.Payload payload = action == EventAction.TRIGGER ? payload(event.get("payload"), errors) : null;
        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        return new Valid(new PagerDutyEvent(routingKey, action, dedupKey, payload, links(event.get("links")),
                images(event.get("images")), text(event.get("client")), text(event.get("client_url"))), event);
    }

    private static PagerDutyEvent.Payload payload(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            errors.add("'payload' is missing or blank");
            return null;
        }
        if (!node.isObject()) {
            errors.add("'payload' must be an object");
            return null;
        }
        String summary = node.path("summary").isTextual() ? node.get("summary").asText() : null;
        if (summary == null || summary.isBlank()) {
            errors.add("'payload.summary' is missing or blank");
        } else if (summary.length() > MAX_SUMMARY) {
            errors.add("'payload.summary' is too long (maximum is " + MAX_SUMMARY + " characters)");
        }
        String source = node.path("source").isTextual() ? node.get("source").asText() : null;
        if (source == null || source.isBlank()) {
            errors.add("'payload.source' is missing or blank");
        }
        JsonNode severityNode = node.get("severity");
        Optional<PagerDutySeverity> severity = severityNode != null && severityNode.isTextual()
                ? PagerDutySeverity.fromWire(severityNode.asText()) : Optional.empty();
        if (severityNode == null || severityNode.isNull()
                || severityNode.isTextual() && severityNode.asText().isBlank()) {
            // Absent and wrong are different mistakes; PagerDuty names them differently too.
            errors.add("'payload.severity' is missing or blank");
        } else if (severity.isEmpty()) {
            errors.add("'payload.severity' is invalid (must be one of the following: 'critical', 'warning', "
                    + "'error' or 'info')");
        }
        JsonNode details = node.get("custom_details");
        return new PagerDutyEvent.Payload(summary == null ? null : summary.strip(), source,
                severity.orElse(null), loose(node.get("timestamp")), loose(node.get("component")),
                loose(node.get("group")), loose(node.get("class")),
                details == null || details.isNull() ? null : details);
    }

    /** Context links are extras: one without its URL is left out rather than failing the alert. */
    private static List<PagerDutyEvent.Link> links(JsonNode node) {
        List<PagerDutyEvent.Link> links = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode link : node) {
                String href = text(link.get("href"));
                if (href != null && !href.isBlank()) {
                    links.add(new PagerDutyEvent.Link(href, text(link.get("text"))));
                }
            }
        }
        return List.copyOf(links);
    }

    private static List<PagerDutyEvent.Image> images(JsonNode node) {
        List<PagerDutyEvent.Image> images = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode image : node) {
                String src = text(image.get("src"));
                if (src != null && !src.isBlank()) {
                    images.add(new PagerDutyEvent.Image(src, text(image.get("href")), text(image.get("alt"))));
                }
            }
        }
        return List.copyOf(images);
    }

    /** A string, or a number or boolean as its text (tools are not careful); anything else is not text. */
    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** Optional descriptive fields: any JSON is kept, as text. */
    private static String loose(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
