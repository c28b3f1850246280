package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-CMD-6: the teams could not agree on the new IC; the product owners of all teams and the CTO are told. */
public record HandOffDisputed(
        UUID incidentId,
        String fromTeam,
        String toTeam,
        String reason,
        Instant disputedAt) implements LifecycleEvent {
}
