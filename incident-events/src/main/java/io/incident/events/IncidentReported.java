package io.incident.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** R-REP-5: a report that opened a new incident. Personal data has already been removed (R-REP-6); the reporter is an opaque id. {@code qualityFindings} lists what the report lacked (R-REP-4). */
public record IncidentReported(
        UUID incidentId,
        UUID reportId,
        String team,
        String title,
        String description,
        ReportChannel channel,
        Severity severity,
        boolean likelyIncident,
        boolean siteWide,
        boolean security,
        String dedupKey,
        String reporterRef,
        List<String> evidenceLinks,
        List<String> qualityFindings,
        Instant reportedAt) implements ReportEvent {
}
