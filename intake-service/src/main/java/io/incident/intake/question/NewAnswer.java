package io.incident.intake.question;

/** A responder's answer: {@code incident} true means "this is an incident", which opens one at once. */
public record NewAnswer(Boolean incident, String answer) {
}
