package io.incident.intake.classification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * R-REP-4: what a report lacks. A bad report is still accepted; the findings travel on {@code IncidentReported}
 * so the responder knows what to ask for, and an e-mail reporter is told. Each finding is
 * {@code <code>: <advice>}: the code for machines, the advice for the reporter. Pure.
 */
public final class ReportQuality {

    public static final String NO_EVIDENCE = "no-evidence";
    public static final String NO_START_TIME = "no-start-time";
    public static final String VAGUE_SUBJECT = "vague-subject";
    public static final String MANY_RECIPIENTS = "many-recipients";

    /** More addressees than this and the report was a broadcast, not a report to the responders. */
    public static final int MAX_RECIPIENTS = 5;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    // A clock time (14:05), an ISO date, or words that place the start ("since", "started at", "began").
    private static final Pattern TIME = Pattern.compile(
            "\\b([01]?\\d|2[0-3]):[0-5]\\d\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b(since|started|began|starting|from)\\b"
                    + "|\\b\\d{1,2} ?(am|pm)\\b|\\b(minutes?|hours?) ago\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*");
    private static final Set<String> VAGUE = Set.of("help", "urgent", "asap", "issue", "issues", "problem",
            "problems", "broken", "down", "not", "working", "error", "errors", "please", "fyi", "alert", "question",
            "something", "wrong", "is", "it", "the", "a", "an", "site", "system", "again", "hi", "hello", "re", "fw",
            "fwd", "important", "incident", "report", "critical", "we", "have", "has", "are", "there", "with", "our",
            "all", "of", "to", "in", "on", "and", "or", "this", "that", "very", "!", "?", "attention", "need");

    private ReportQuality() {
    }

    /**
     * @param evidenceLinks links the source gave as such (alert links); links written in the text count too
     * @param startTimeKnown the source stated when the problem started (an alert's {@code startsAt})
     * @param recipients    how many addressees a mail had; 1 for anything but e-mail
     */
    public record Input(String subject, String text, List<String> evidenceLinks, boolean startTimeKnown,
                        int recipients) {
    }

    public static List<String> assess(Input in) {
        String text = in.text() == null ? "" : in.text();
        String subject = in.subject() == null ? "" : in.subject();
        List<String> findings = new ArrayList<>();
        if (in.evidenceLinks().isEmpty() && !LINK.matcher(text).find()) {
            findings.add(NO_EVIDENCE + ": link to evidence, such as a log search or a dashboard showing the problem");
        }
        if (!in.startTimeKnown() && !TIME.matcher(subject + "\n" + text).find()) {
            findings.add(NO_START_TIME + ": say when the problem started (date, time and time zone)");
        }
        if (vague(subject)) {
            findings.add(VAGUE_SUBJECT + ": name the symptom and the service in the subject, e.g. "
                    + "'Checkout returns 502 for all card payments'");
        }
        if (in.recipients() > MAX_RECIPIENTS) {
            findings.add(MANY_RECIPIENTS + ": send a report to one incident address rather than to "
                    + in.recipients() + " people at once; the on-call responder is paged from there");
        }
        return List.copyOf(findings);
    }

    /** Web links written in a person's text: the evidence a person gives (R-REP-4), at most 20. */
    public static List<String> links(String text) {
        if (text == null) {
            return List.of();
        }
        var m = LINK.matcher(text);
        LinkedHashSet<String> links = new LinkedHashSet<>();
        while (m.find() && links.size() < 20) {
            String link = m.group().replaceAll("[.,;:)\\]>]+$", "");
            if (link.length() <= 2_048) {
                links.add(link);
            }
        }
        return List.copyOf(links);
    }

    /** A subject is vague when, without words like "urgent" or "not working", fewer than two words remain. */
    static boolean vague(String subject) {
        var words = WORD.matcher(subject.toLowerCase(Locale.ROOT));
        int specific = 0;
        while (words.find()) {
            if (!VAGUE.contains(words.group())) {
                specific++;
            }
        }
        return specific < 2;
    }
}
