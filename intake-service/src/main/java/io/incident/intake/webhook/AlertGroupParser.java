package io.incident.intake.webhook;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incident.intake.alert.Alert;
import io.incident.intake.alert.EventAction;
import io.incident.intake.classification.SourceSeverity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an Alertmanager webhook (payload version 4) or a Grafana alerting webhook, which keeps Alertmanager's shape
 * and adds dashboard and panel links. Each alert of the group becomes one {@link Alert} keyed by the group key and
 * the alert's fingerprint, so one alert is one report however often the group is sent. Fields this code does not
 * know are ignored, as Alertmanager adds fields within a version. Pure: no I/O.
 */
public final class AlertGroupParser {

    public enum Dialect {
        ALERTMANAGER("Alertmanager"), GRAFANA("Grafana");

        private final String label;

        Dialect(String label) {
            this.label = label;
        }
    }

    /** The version Alertmanager has sent since 0.15; a different one would be a different shape. */
    static final String ALERTMANAGER_VERSION = "4";
    private static final Set<String> SITE_WIDE_SCOPES = Set.of("site-wide", "sitewide", "global", "site");
    // Alertmanager writes endsAt as Go's zero time for an alert that has not ended; startsAt is never zero in
    // practice, but a zero time states nothing either way.
    private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().reader();

    private AlertGroupParser() {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(List<Alert> alerts) implements Result {
    }

    public record Invalid(List<String> errors) implements Result {
    }

    public static Result parse(byte[] body, Dialect dialect) {
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
        String version = WebhookText.text(root.get("version"));
        if (dialect == Dialect.ALERTMANAGER && !ALERTMANAGER_VERSION.equals(version)) {
            errors.add("'version' must be \"4\" (Alertmanager's webhook payload version 4), was "
                    + (version == null ? "missing" : "\"" + version + "\""));
        }
        String groupKey = WebhookText.text(root.get("groupKey"));
        if (WebhookText.blank(groupKey)) {
            errors.add("'groupKey' is missing or blank");
        }
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            errors.add("'alerts' must be an array");
        }
        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        ObjectNode group = ((ObjectNode) root).deepCopy();
        group.remove("alerts");
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alert(alerts.get(i), i, root, group, groupKey, dialect, errors);
            if (alert != null) {
                out.add(alert);
            }
        }
        return errors.isEmpty() ? new Valid(List.copyOf(out)) : new Invalid(List.copyOf(errors));
    }

    private static Alert alert(JsonNode node, int index, JsonNode root, ObjectNode group, String groupKey,
                               Dialect dialect, List<String> errors) {
        String where = "'alerts[" + index + "]";
        if (!node.isObject()) {
            errors.add(where + "' must be an object");
            return null;
        }
        String status = WebhookText.text(node.get("status"));
        EventAction action;
        if ("firing".equals(status)) {
            action = EventAction.TRIGGER;
        } else if ("resolved".equals(status)) {
            action = EventAction.RESOLVE;
        } else {
            errors.add(where + ".status' must be \"firing\" or \"resolved\"");
            return null;
        }
        Map<String, String> labels = strings(node.get("labels"));
        Map<String, String> annotations = strings(node.get("annotations"));
        String fingerprint = WebhookText.text(node.get("fingerprint"));
        if (WebhookText.blank(fingerprint)) {
            if (labels.isEmpty()) {
                errors.add(where + "' has neither 'fingerprint' nor 'labels' to tell it apart");
                return null;
            }
            // Before Alertmanager sent fingerprints, the label set was the alert's identity.
            fingerprint = "labels:" + WebhookText.sha256(labels.toString()).substring(0, 16);
        }
        String startsAt = WebhookText.text(node.get("startsAt"));
        boolean started = !WebhookText.blank(startsAt) && !GO_ZERO_TIME.equals(startsAt);

        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.set("group", group);
        stored.set("alert", node);

        String scope = labels.getOrDefault("scope", "").toLowerCase(Locale.ROOT);
        boolean siteWide = SITE_WIDE_SCOPES.contains(scope) || "true".equalsIgnoreCase(labels.get("site_wide"));
        return new Alert(action, WebhookText.dedupKey(groupKey + "/" + fingerprint),
                WebhookText.cut(title(labels, annotations, dialect), WebhookText.MAX_TITLE),
                description(node, root, labels, annotations, startsAt),
                SourceSeverity.of(labels.get("severity")).orElse(null), siteWide,
                links(node, annotations), started, stored.toString());
    }

    private static String title(Map<String, String> labels, Map<String, String> annotations, Dialect dialect) {
        for (String key : List.of("summary", "title")) {
            if (!WebhookText.blank(annotations.get(key))) {
                return annotations.get(key).strip();
            }
        }
        String name = labels.get("alertname");
        if (WebhookText.blank(name)) {
            return "Alert from " + dialect.label;
        }
        String instance = labels.get("instance");
        return WebhookText.blank(instance) ? name : name + " on " + instance;
    }

    private static String description(JsonNode alert, JsonNode root, Map<String, String> labels,
                                      Map<String, String> annotations, String startsAt) {
        StringBuilder sb = new StringBuilder();
        for (String key : List.of("description", "message")) {
            if (!WebhookText.blank(annotations.get(key))) {
                sb.append(annotations.get(key).strip()).append("\n\n");
            }
        }
        line(sb, "Started at", startsAt);
        line(sb, "Values", WebhookText.text(alert.get("valueString")));
        line(sb, "Receiver", WebhookText.text(root.get("receiver")));
        line(sb, "Notified because", WebhookText.text(root.get("notification_reason")));
        int truncated = root.path("truncatedAlerts").asInt(0);
        if (truncated > 0) {
            sb.append("The sender left out ").append(truncated)
                    .append(" further alerts of this group (truncatedAlerts); see its own page for them.\n");
        }
        if (!labels.isEmpty()) {
            sb.append("Labels:\n");
            labels.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        return WebhookText.cut(sb.toString().stripTrailing(), WebhookText.MAX_DESCRIPTION);
    }

    /**
     * Where a responder looks first: the graph that fired, the dashboard and panel, Grafana's rendered image of the
     * panel and its silence link, the runbook. Alertmanager has only {@code generatorURL}; Grafana adds the rest.
     */
    private static List<String> links(JsonNode alert, Map<String, String> annotations) {
        Set<String> links = new LinkedHashSet<>();
        for (String field : List.of("generatorURL", "dashboardURL", "panelURL", "imageURL", "silenceURL")) {
            String link = WebhookText.text(alert.get(field));
            if (WebhookText.isWebAddress(link)) {
                links.add(link);
            }
        }
        for (String key : List.of("dashboard_url", "dashboard", "runbook_url", "runbook", "logs_url")) {
            if (WebhookText.isWebAddress(annotations.get(key))) {
                links.add(annotations.get(key));
            }
        }
        return List.copyOf(links);
    }

    /** Labels and annotations are string maps in Alertmanager; anything else in them is ignored. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String value = WebhookText.text(field.getValue());
                if (value != null) {
                    out.put(field.getKey(), WebhookText.cut(value, WebhookText.MAX_TITLE));
                }
            }
        }
        return out;
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (!WebhookText.blank(value)) {
            sb.append(label).append(": ").append(WebhookText.cut(value.strip(), WebhookText.MAX_TITLE)).append('\n');
        }
    }
}
