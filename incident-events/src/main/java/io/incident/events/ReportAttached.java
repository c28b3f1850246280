package io.incident.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * R-REP-5: a further report of the same problem (same dedup key or e-mail thread), attached to the open
 * incident. During an alert storm one event stands for many repeated triggers of one dedup key: {@code alerts}
 * says how many, {@code lastSeenAt} when the last of them arrived.
 *
 * @param alerts        how many triggers this report counts; null (from older producers) means 1
 * @param lastSeenAt    the last of those triggers; null means {@code receivedAt}
 * @param evidenceLinks links this report gave (a mail's addresses, an alert's graph and runbook), for the
 *                      incident's evidence; null (from older producers) means none
 */
public record ReportAttached(
        UUID incidentId,
        UUID reportId,
        ReportChannel channel,
        String title,
        String reporterRef,
        Instant receivedAt,
        Integer alerts,
        Instant lastSeenAt,
        List<String> evidenceLinks) implements ReportEvent {

    public ReportAttached {
        evidenceLinks = evidenceLinks == null ? null : List.copyOf(evidenceLinks);
    }

    /** One further report. */
    public ReportAttached(UUID incidentId, UUID reportId, ReportChannel channel, String title, String reporterRef,
                          Instant receivedAt) {
        this(incidentId, reportId, channel, title, reporterRef, receivedAt, 1, receivedAt, null);
    }

    /** Further reports without links. */
    public ReportAttached(UUID incidentId, UUID reportId, ReportChannel channel, String title, String reporterRef,
                          Instant receivedAt, Integer alerts, Instant lastSeenAt) {
        this(incidentId, reportId, channel, title, reporterRef, receivedAt, alerts, lastSeenAt, null);
    }

    /** The links this report gave, none when it gave none or came from an older producer. */
    public List<String> links() {
        return evidenceLinks == null ? List.of() : evidenceLinks;
    }

    /** How many triggers this stands for, at least 1. */
    public int alertCount() {
        return alerts == null || alerts < 1 ? 1 : alerts;
    }
}
