package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** A clock started for an incident. */
public record DeadlineScheduled(
        UUID incidentId,
        UUID deadlineId,
        DeadlineKind kind,
        Instant dueAt,
        Instant scheduledAt) implements DeadlineEvent {
}
