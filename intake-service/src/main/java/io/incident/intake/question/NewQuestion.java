package io.incident.intake.question;

import java.time.Instant;

/**
 * R-REP-7: someone unsure whether a problem is an incident asks the team. {@code contact} is how the team reaches
 * the asker (kept in intake only); {@code answerBy}, if given, is when the asker needs the answer, no later than the
 * R-REP-7 window.
 */
public record NewQuestion(String team, String text, String contact, Instant answerBy) {
}
