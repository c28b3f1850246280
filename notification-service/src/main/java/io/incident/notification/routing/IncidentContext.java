package io.incident.notification.routing;

import io.incident.events.ReportChannel;
import io.incident.events.Severity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service remembers about an incident when a later event arrives. {@code reported} is false while only a
 * lifecycle event has named it and its report is still on its way; until then {@code source}, {@code description}
 * and {@code reportedAt} say nothing about the report (source and description are null, the evidence list empty).
 */
public record IncidentContext(UUID incidentId, String team, String title, Severity severity, boolean security,
                              String commanderRef, String documentUrl, boolean reported, ReportChannel source,
                              Instant reportedAt, String description, List<String> evidenceLinks, int reportCount) {

    public IncidentContext {
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
    }

    /** An incident known without the details of its report. */
    public IncidentContext(UUID incidentId, String team, String title, Severity severity, boolean security,
                           String commanderRef, String documentUrl, boolean reported) {
        this(incidentId, team, title, severity, security, commanderRef, documentUrl, reported, null, null, null,
                List.of(), 1);
    }
}
