package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** A clock is close to running out. */
public record DeadlineWarned(
        UUID incidentId,
        UUID deadlineId,
        DeadlineKind kind,
        Instant dueAt,
        Instant warnedAt) implements DeadlineEvent {
}
