package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** A clock ran out before what it waited for happened (R-ACK-2 escalation starts here). */
public record DeadlineBreached(
        UUID incidentId,
        UUID deadlineId,
        DeadlineKind kind,
        Instant dueAt,
        Instant breachedAt) implements DeadlineEvent {
}
