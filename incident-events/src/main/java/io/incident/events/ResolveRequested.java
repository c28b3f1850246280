package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A monitoring tool reported that the problem is gone (PagerDuty resolve, Alertmanager resolved). The commander
 * decides what it means for the incident.
 */
public record ResolveRequested(
        UUID incidentId,
        UUID reportId,
        ReportChannel channel,
        Instant requestedAt) implements ReportEvent {
}
