package io.incident.docs.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The incident response document as readers see it (R-DOC-1). */
public record DocumentView(UUID incidentId, UUID documentId, String trackingId, String title, String team,
                           String severity, boolean security, Instant createdAt, Instant updatedAt, int revision,
                           String url, List<Entry> timeline) {

    public record Entry(Instant at, String kind, String text) {
    }

    static DocumentView of(Document d, List<TimelineEntry> entries, String url) {
        return new DocumentView(d.incidentId, d.id, d.trackingId, d.title, d.team, d.severity, d.security,
                d.createdAt, d.updatedAt, d.revision, url,
                entries.stream().map(e -> new Entry(e.occurredAt, e.kind, e.text)).toList());
    }
}
