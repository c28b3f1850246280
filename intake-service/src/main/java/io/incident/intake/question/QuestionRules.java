package io.incident.intake.question;

import io.incident.intake.team.Teams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What makes a question and an answer acceptable (R-REP-7). Pure: functions of the request and the time. */
public final class QuestionRules {

    /**
     * R-REP-7: a question not answered within this time becomes an incident. It is what the asker is told by default;
     * the deadline service's own goal ({@code incident.deadlines.question}) runs the clock and is never extended.
     */
    public static final Duration ANSWER_WITHIN = Duration.ofMinutes(15);
    public static final int MAX_TEXT = 8_192;
    public static final int MAX_CONTACT = 320;
    public static final int MAX_ANSWER = 8_192;
    /** The incident a question becomes takes its title from the question's first line, cut to this length. */
    static final int MAX_TITLE = 200;

    private QuestionRules() {
    }

    /** A field the caller must fix, and why. */
    public record Violation(String field, String reason) {
    }

    public static List<Violation> check(NewQuestion q, Instant now) {
        if (q == null) {
            return List.of(new Violation("body", "send a JSON object with team, text and contact"));
        }
        List<Violation> v = new ArrayList<>();
        if (q.team() == null || q.team().isBlank()) {
            v.add(new Violation("team", "is required: the team that owns the service you are unsure about"));
        } else if (!Teams.isValid(q.team())) {
            v.add(new Violation("team", Teams.RULE));
        }
        if (q.text() == null || q.text().isBlank()) {
            v.add(new Violation("text", "is required: say what you noticed and since when"));
        } else if (q.text().length() > MAX_TEXT) {
            v.add(new Violation("text", "is longer than " + MAX_TEXT + " characters"));
        }
        if (q.contact() == null || q.contact().isBlank()) {
            v.add(new Violation("contact", "is required: how the team can reach you with the answer"));
        } else if (q.contact().length() > MAX_CONTACT) {
            v.add(new Violation("contact", "is longer than " + MAX_CONTACT + " characters"));
        }
        if (q.answerBy() != null) {
            if (!q.answerBy().isAfter(now)) {
                v.add(new Violation("answerBy", "must be in the future"));
            } else if (q.answerBy().isAfter(now.plus(ANSWER_WITHIN))) {
                v.add(new Violation("answerBy", "must be within " + ANSWER_WITHIN.toMinutes()
                        + " minutes: a question unanswered that long becomes an incident anyway (R-REP-7)"));
            }
        }
        return v;
    }

    public static List<Violation> check(NewAnswer a) {
        if (a == null) {
            return List.of(new Violation("body", "send a JSON object with incident (true or false) and answer"));
        }
        List<Violation> v = new ArrayList<>();
        if (a.incident() == null) {
            v.add(new Violation("incident", "is required: true if this is an incident, false if not"));
        }
        if (a.answer() == null || a.answer().isBlank()) {
            v.add(new Violation("answer", "is required: tell the asker why, so they can judge the next one"));
        } else if (a.answer().length() > MAX_ANSWER) {
            v.add(new Violation("answer", "is longer than " + MAX_ANSWER + " characters"));
        }
        return v;
    }

    /** When the asker needs the answer: their own time if they gave one, else the end of the R-REP-7 window. */
    public static Instant answerBy(NewQuestion q, Instant askedAt) {
        return q.answerBy() != null ? q.answerBy() : askedAt.plus(ANSWER_WITHIN);
    }

    /** The title of the incident a question becomes: its first non-blank line, cut short. */
    public static String title(String text) {
        String first = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        String cut = first.length() > MAX_TITLE ? first.substring(0, MAX_TITLE - 1) + "…" : first;
        return "Question: " + cut;
    }
}
