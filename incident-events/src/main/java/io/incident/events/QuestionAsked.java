package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-REP-7: someone unsure whether a problem is an incident asked the team. The question is keyed by the incident it
 * becomes if the team says so or nobody answers in time ({@code incidentId} is reserved for it; the
 * {@code IncidentReported} of that incident carries the same id and {@code reportId = questionId}). The asker is an
 * opaque id; how to reach them stays in intake. {@code answerBy} is when the asker needs the answer; the deadline
 * service's R-REP-7 goal still applies if it is sooner.
 */
public record QuestionAsked(
        UUID incidentId,
        UUID questionId,
        String team,
        String text,
        String askerRef,
        Instant askedAt,
        Instant answerBy) implements ReportEvent {
}
