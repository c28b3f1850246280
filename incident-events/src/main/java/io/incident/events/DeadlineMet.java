package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** What a clock waited for happened in time; the clock stopped. */
public record DeadlineMet(
        UUID incidentId,
        UUID deadlineId,
        DeadlineKind kind,
        Instant dueAt,
        Instant metAt) implements DeadlineEvent {
}
