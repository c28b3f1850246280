package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-CLS-1, R-CLS-2: closed with no objection standing. Consumers shut the bridge, reset the room topic, list
 * open action items and schedule the retrospective.
 */
public record IncidentClosed(
        UUID incidentId,
        String closedBy,
        String team,
        Severity severity,
        Instant reportedAt,
        Instant closedAt) implements LifecycleEvent {
}
