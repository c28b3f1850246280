package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-SEC-2: severity adjusted after impact was verified. */
public record SeverityChanged(
        UUID incidentId,
        Severity from,
        Severity to,
        String changedBy,
        String reason,
        Instant changedAt) implements LifecycleEvent {
}
