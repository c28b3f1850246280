package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-REP-5: a further report of the same problem (same dedup key or e-mail thread), attached to the open
 * incident.
 */
public record ReportAttached(
        UUID incidentId,
        UUID reportId,
        ReportChannel channel,
        String title,
        String reporterRef,
        Instant receivedAt) implements ReportEvent {
}
