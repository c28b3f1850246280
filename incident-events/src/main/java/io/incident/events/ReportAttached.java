package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-REP-5: a further report of the same problem (same dedup key or e-mail thread), attached to the open
 * incident. During an alert storm one event stands for many repeated triggers of one dedup key: {@code alerts}
 * says how many, {@code lastSeenAt} when the last of them arrived.
 *
 * @param alerts     how many triggers this report counts; null (from older producers) means 1
 * @param lastSeenAt the last of those triggers; null means {@code receivedAt}
 */
public record ReportAttached(
        UUID incidentId,
        UUID reportId,
        ReportChannel channel,
        String title,
        String reporterRef,
        Instant receivedAt,
        Integer alerts,
        Instant lastSeenAt) implements ReportEvent {

    /** One further report. */
    public ReportAttached(UUID incidentId, UUID reportId, ReportChannel channel, String title, String reporterRef,
                          Instant receivedAt) {
        this(incidentId, reportId, channel, title, reporterRef, receivedAt, 1, receivedAt);
    }

    /** How many triggers this stands for, at least 1. */
    public int alertCount() {
        return alerts == null || alerts < 1 ? 1 : alerts;
    }
}
