package io.incident.docs.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R-PM-1: the postmortem template, pre-filled from the document. The timeline marks incident start and end and
 * outage start and end where the events show them; what only people know (impact, root cause, lessons) is left
 * for them to write. Pure.
 */
public final class PostmortemTemplate {

    /** The template's sections, in order. */
    public static final List<String> SECTIONS = List.of("summary", "impact", "timeline", "rootCause", "resolution",
            "wentWell", "wentBadly", "actionItems");

    /** Kinds that tell the story; clocks and message deliveries are left out of the postmortem's timeline. */
    private static final Set<String> STORY = Set.of("reported", "report-attached", "commander-acknowledged",
            "triaged", "severity-changed", "command-handed-off", "blocker", "mitigated", "resolved", "closed",
            "close-objected", "escalated", "update", "status-summary", "evidence", "decision", "leadership-update",
            "resolve-requested");

    public record Entry(Instant at, String kind, String text) {
    }

    public record Item(String title, String owner, LocalDate due, String ticketLink, boolean done) {
    }

    private PostmortemTemplate() {
    }

    public static Map<String, String> prefill(String trackingId, String title, String statusSummary,
                                              List<Entry> timeline, List<Item> actionItems) {
        Map<String, String> s = new LinkedHashMap<>();
        SECTIONS.forEach(name -> s.put(name, ""));
        s.put("summary", trackingId + ": " + title + "." + (statusSummary == null ? "" : " " + statusSummary));
        s.put("timeline", timeline(timeline));
        s.put("actionItems", actionItems.stream().map(i -> "- " + i.title() + " (owner " + i.owner() + ", due "
                + i.due() + (i.ticketLink() == null ? "" : ", ticket " + i.ticketLink()) + (i.done() ? ", done" : "")
                + ")").collect(Collectors.joining("\n")));
        return s;
    }

    static String timeline(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        Instant outageEnd = first(entries, "mitigated");
        if (outageEnd == null) {
            outageEnd = first(entries, "resolved");
        }
        boolean started = false;
        for (Entry e : entries) {
            if (!started && e.kind().equals("reported")) {
                started = true;
                line(sb, e.at(), "Incident start: the first report arrived.");
                line(sb, e.at(), "Outage start: the first report. Use an earlier time if the graphs show one.");
            }
            if (e.at().equals(outageEnd) && (e.kind().equals("mitigated") || e.kind().equals("resolved"))) {
                line(sb, e.at(), "Outage end: " + e.text());
                outageEnd = null;
                continue;
            }
            if (e.kind().equals("closed")) {
                line(sb, e.at(), "Incident end: " + e.text());
                continue;
            }
            if (STORY.contains(e.kind())) {
                line(sb, e.at(), e.text());
            }
        }
        return sb.toString().strip();
    }

    private static Instant first(List<Entry> entries, String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).map(Entry::at).findFirst().orElse(null);
    }

    private static void line(StringBuilder sb, Instant at, String text) {
        sb.append(at).append(' ').append(text.replaceAll("\\R+", " ")).append('\n');
    }
}
