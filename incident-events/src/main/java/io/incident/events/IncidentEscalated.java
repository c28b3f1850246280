package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-ACK-2, R-ACK-3, R-CMD-4: paging moved to the next level, or reached the product owner and CTO. {@code
 * reason} is ACKNOWLEDGE_TIMEOUT, CANNOT_JUDGE, BLOCKER or LEVELS_EXHAUSTED.
 */
public record IncidentEscalated(
        UUID incidentId,
        int fromLevel,
        int toLevel,
        String reason,
        Instant escalatedAt) implements LifecycleEvent {
}
