package io.incident.docs.view;

import io.incident.docs.document.Document;
import io.incident.docs.document.EvidenceLink;
import io.incident.docs.document.TimelineEntry;
import io.incident.docs.security.ChecklistItem;
import io.incident.docs.security.SecurityResource;
import io.incident.docs.writing.ActionItem;
import io.incident.docs.writing.WritingResource.ActionItemView;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The incident response document as readers see it (R-DOC-1): the header, the running timeline in the order things
 * happened, roles, decisions, evidence, action items and, for security incidents, the runbook checklist.
 */
public record DocumentView(UUID incidentId, UUID documentId, String trackingId, String title, String team,
                           String severity, String status, boolean open, String commander, boolean security,
                           String bridge, String statusSummary, Instant createdAt, Instant updatedAt, int revision,
                           String url, Map<String, String> links, Roles roles, List<Entry> timeline,
                           List<Entry> decisions, List<Evidence> evidence, List<ActionItemView> actionItems,
                           List<SecurityResource.Step> checklist) {

    public record Entry(Instant at, String kind, String actor, String text, String link) {
    }

    /**
     * A link in the evidence section: {@code text} is its label (what the person wrote, or the address's host and
     * path), {@code source} where it came from ("Alertmanager report", "evidence entry") and {@code actor} who gave it.
     */
    public record Evidence(Instant at, String link, String text, String source, String actor) {
        static Evidence of(EvidenceLink e) {
            return new Evidence(e.addedAt, e.url, e.label, e.source, e.actor);
        }
    }

    /** Who holds which role; responders are the people who acted on the incident. */
    public record Roles(String commander, List<String> responders) {
    }

    /** Kinds whose actor is the person who did it rather than a person named in passing. */
    private static final Set<String> REPORTING = Set.of("reported", "report-attached");

    static DocumentView of(Document d, List<TimelineEntry> entries, List<EvidenceLink> evidence,
                           List<ActionItem> items, List<ChecklistItem> checklist, String url,
                           Map<String, String> links) {
        List<Entry> timeline = entries.stream().map(e -> new Entry(e.occurredAt, e.kind, e.actor, e.text, e.link))
                .toList();
        Set<String> responders = new LinkedHashSet<>();
        for (TimelineEntry e : entries) {
            if (e.actor != null && !REPORTING.contains(e.kind) && !e.actor.endsWith("-service")) {
                responders.add(e.actor);
            }
        }
        return new DocumentView(d.incidentId, d.id, d.trackingId, d.title, d.team, d.severity, d.status,
                d.header().open(), d.commanderRef, d.security, d.bridge, d.statusSummary, d.createdAt, d.updatedAt,
                d.revision, url, links, new Roles(d.commanderRef, List.copyOf(responders)), timeline,
                timeline.stream().filter(e -> e.kind().equals("decision")).toList(),
                evidence.stream().map(Evidence::of).toList(),
                items.stream().map(ActionItemView::of).toList(),
                d.security ? checklist.stream().map(SecurityResource.Step::of).toList() : List.of());
    }
}
