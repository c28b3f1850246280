package io.incident.intake.webhook;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incident.events.Severity;
import io.incident.intake.alert.Alert;
import io.incident.intake.alert.EventAction;
import io.incident.intake.classification.SourceSeverity;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The generic JSON webhook, for tools with no PagerDuty or Alertmanager form:
 * <pre>{"action": "trigger" | "acknowledge" | "resolve", "dedupKey": "...", "title": "...", "description": "...",
 *  "severity": "critical" | "SEV2" | ..., "links": ["https://..."], "startedAt": "2026-11-21T09:30:00Z",
 *  "siteWide": false}</pre>
 * Only {@code title} is required, for a trigger; acknowledge and resolve need {@code dedupKey}. Unknown fields are
 * ignored. Pure: no I/O.
 */
public final class GenericWebhookParser {

    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().reader();

    private GenericWebhookParser() {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(Alert alert) implements Result {
    }

    public record Invalid(List<String> errors) implements Result {
    }

    public static Result parse(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return new Invalid(List.of("the body is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            return new Invalid(List.of("the body must be a JSON object"));
        }
        List<String> errors = new ArrayList<>();
        String actionText = WebhookText.text(root.get("action"));
        EventAction action = actionText == null ? EventAction.TRIGGER : EventAction.fromWire(actionText).orElse(null);
        if (action == null) {
            errors.add("'action' must be \"trigger\", \"acknowledge\" or \"resolve\"");
        }
        String dedupKey = WebhookText.text(root.get("dedupKey"));
        if (dedupKey != null && dedupKey.length() > WebhookText.MAX_DEDUP_KEY) {
            errors.add("'dedupKey' is longer than " + WebhookText.MAX_DEDUP_KEY + " characters");
        }
        if (WebhookText.blank(dedupKey)) {
            dedupKey = null;
            if (action == EventAction.ACKNOWLEDGE || action == EventAction.RESOLVE) {
                errors.add("'dedupKey' is required to " + actionText + " an alert");
            }
        }
        String title = WebhookText.text(root.get("title"));
        if (action == EventAction.TRIGGER) {
            if (WebhookText.blank(title)) {
                errors.add("'title' is required: name the symptom, e.g. 'Checkout returns 502 for all users'");
            } else if (title.length() > WebhookText.MAX_TITLE) {
                errors.add("'title' is longer than " + WebhookText.MAX_TITLE + " characters");
            }
        }
        String severityText = WebhookText.text(root.get("severity"));
        Severity severity = null;
        if (severityText != null) {
            severity = SourceSeverity.of(severityText).orElse(null);
            if (severity == null) {
                errors.add("'severity' must be one of SEV1-SEV4 or critical, error, warning, info");
            }
        }
        String startedAt = WebhookText.text(root.get("startedAt"));
        if (startedAt != null) {
            try {
                OffsetDateTime.parse(startedAt);
            } catch (DateTimeParseException e) {
                errors.add("'startedAt' must be an ISO-8601 time with offset, e.g. 2026-11-21T09:30:00Z");
            }
        }
        List<String> links = links(root.get("links"), errors);
        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        String description = WebhookText.text(root.get("description"));
        if (startedAt != null) {
            description = (description == null ? "" : description.strip() + "\n\n") + "Started at: " + startedAt;
        }
        return new Valid(new Alert(action,
                dedupKey != null ? dedupKey : UUID.randomUUID().toString().replace("-", ""),
                title == null ? null : title.strip(), WebhookText.cut(description, WebhookText.MAX_DESCRIPTION),
                severity, root.path("siteWide").asBoolean(false), links, startedAt != null, root.toString()));
    }

    private static List<String> links(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add("'links' must be an array of URLs");
            return List.of();
        }
        Set<String> links = new LinkedHashSet<>();
        for (JsonNode link : node) {
            String href = link.isObject() ? WebhookText.text(link.get("href")) : WebhookText.text(link);
            if (!WebhookText.isWebAddress(href)) {
                errors.add("'links' holds " + (href == null ? "an entry without a URL" : "\"" + WebhookText.cut(href,
                        80) + "\"") + ": each link must be an http or https URL");
            } else if (links.size() < 20) {
                links.add(href);
            }
        }
        return List.copyOf(links);
    }
}
