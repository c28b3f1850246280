package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-CMD-1, R-CMD-3: the paged person acknowledged and is now the Incident Commander.
 */
public record CommanderAcknowledged(
        UUID incidentId,
        String personRef,
        String team,
        Instant acknowledgedAt) implements LifecycleEvent {
}
