package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-DOC-3: the bleeding stopped; the system works again, perhaps with a workaround.
 */
public record IncidentMitigated(
        UUID incidentId,
        String by,
        Instant mitigatedAt) implements LifecycleEvent {
}
