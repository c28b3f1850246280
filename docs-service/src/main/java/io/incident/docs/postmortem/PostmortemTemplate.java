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

    /**
     * Kinds whose whole text a person wrote during the incident, and kinds whose text ends, after the first ": ",
     * with a reporter's title or a person's reason. The template quotes those words: they are the record of what
     * was said, and the writing checker reads quotes as quotation, not as the postmortem's own prose (a mail subject
     * "I cannot pay" is not the postmortem speaking in the first person).
     */
    private static final Set<String> WRITTEN_BY_PEOPLE = Set.of("update", "status-summary", "evidence", "decision",
            "leadership-update");
    private static final Set<String> ENDS_WITH_PEOPLES_WORDS = Set.of("reported", "report-attached",
            "severity-changed", "blocker", "close-objected");

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
        // The title is the reporter's (an alert's name, a mail subject), so it is quoted; the status summary is the
        // IC's own prose and is checked as such.
        s.put("summary", trackingId + ": " + quote(title) + "." + (statusSummary == null ? "" : " " + statusSummary));
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
                line(sb, e.at(), quoted(e));
            }
        }
        return sb.toString().strip();
    }

    static String quoted(Entry e) {
        if (WRITTEN_BY_PEOPLE.contains(e.kind())) {
            return quote(e.text());
        }
        int colon = e.text().indexOf(": ");
        if (ENDS_WITH_PEOPLES_WORDS.contains(e.kind()) && colon >= 0) {
            return e.text().substring(0, colon + 2) + quote(e.text().substring(colon + 2));
        }
        return e.text();
    }

    /** Curly quotes, with any inside made straight, so the quotation ends where the words end. */
    static String quote(String words) {
        return "\u201c" + words.strip().replaceAll("[\u201c\u201d]", "\"") + "\u201d";
    }

    private static Instant first(List<Entry> entries, String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).map(Entry::at).findFirst().orElse(null);
    }

    private static void line(StringBuilder sb, Instant at, String text) {
        sb.append(at).append(' ').append(text.replaceAll("\\R+", " ")).append('\n');
    }
}
