package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-REP-7: a responder answered a question. With {@code incident} true the answer is "this is an incident", and
 * intake raises the {@code IncidentReported} of the question's reserved {@code incidentId} with it; otherwise the
 * reserved id stays unused.
 */
public record QuestionAnswered(
        UUID incidentId,
        UUID questionId,
        String answeredBy,
        String answer,
        boolean incident,
        Instant answeredAt) implements ReportEvent {
}
