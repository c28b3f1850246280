package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** The system is back to normal; closing by consensus may start (R-CLS-1). */
public record IncidentResolved(
        UUID incidentId,
        String by,
        Instant resolvedAt) implements LifecycleEvent {
}
