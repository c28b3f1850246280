package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** A monitoring tool relayed an acknowledgement (PagerDuty acknowledge). */
public record AcknowledgeRequested(
        UUID incidentId,
        UUID reportId,
        ReportChannel channel,
        Instant requestedAt) implements ReportEvent {
}
