package io.incident.intake.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an alert reads in the incident: the description people see in the document and on pages, and the links to
 * evidence (R-REP-4). Everything here travels on the event stream, so it is bounded: a tool may send up to
 * 512 KB of {@code custom_details}, which the stored report keeps in full but the event does not carry.
 */
public final class AlertText {

    static final int MAX_FIELD = 1_024;
    static final int MAX_DETAILS = 4_096;
    static final int MAX_LINKS = 20;
    static final int MAX_LINK = 2_048;

    private AlertText() {
    }

    public static String description(PagerDutyEvent event) {
        PagerDutyEvent.Payload p = event.payload();
        StringBuilder sb = new StringBuilder();
        line(sb, "Source", p.source());
        line(sb, "Component", p.component());
        line(sb, "Group", p.group());
        line(sb, "Class", p.eventClass());
        line(sb, "Detected at", p.timestamp());
        line(sb, "Sent by", event.client());
        if (p.customDetails() != null) {
            sb.append("Details:\n").append(details(p.customDetails()));
        }
        return sb.toString().stripTrailing();
    }

    /** Links the tool attached, then the tool's own page for the alert: where a responder looks first. */
    public static List<String> evidenceLinks(PagerDutyEvent event) {
        Set<String> links = new LinkedHashSet<>();
        event.links().forEach(l -> links.add(l.href()));
        event.images().forEach(i -> {
            if (i.href() != null) {
                links.add(i.href());
            }
            links.add(i.src());
        });
        if (event.clientUrl() != null) {
            links.add(event.clientUrl());
        }
        List<String> out = new ArrayList<>();
        for (String link : links) {
            String l = link.strip();
            if (out.size() < MAX_LINKS && l.length() <= MAX_LINK && isWebAddress(l)) {
                out.add(l);
            }
        }
        return List.copyOf(out);
    }

    static String details(JsonNode details) {
        StringBuilder sb = new StringBuilder();
        if (details.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                sb.append("  ").append(field.getKey()).append(": ").append(text(field.getValue())).append('\n');
            }
        } else {
            sb.append("  ").append(text(details)).append('\n');
        }
        return truncate(sb.toString());
    }

    /** Cut at a line break when there is one near the limit, and say so, so nobody mistakes the cut for the end. */
    private static String truncate(String details) {
        if (details.length() <= MAX_DETAILS) {
            return details;
        }
        int cut = details.lastIndexOf('\n', MAX_DETAILS);
        if (cut < MAX_DETAILS / 2) {
            cut = MAX_DETAILS;
        }
        return details.substring(0, cut).stripTrailing() + "\n  … (custom_details cut at " + cut + " of "
                + details.length() + " characters; the stored report keeps the full event)\n";
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            sb.append(label).append(": ").append(v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) + "…" : v)
                    .append('\n');
        }
    }

    private static boolean isWebAddress(String link) {
        String l = link.toLowerCase(Locale.ROOT);
        return (l.startsWith("https://") || l.startsWith("http://")) && l.chars().noneMatch(Character::isWhitespace);
    }
}
