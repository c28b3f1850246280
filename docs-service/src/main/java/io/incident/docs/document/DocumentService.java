package io.incident.docs.document;

import io.incident.events.DocumentCreated;
import io.incident.events.DocumentUpdated;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.lock.IncidentLocks;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Builds each incident's document from the events about it, and appends what people write to its timeline. */
@ApplicationScoped
public class DocumentService {

    private final DocumentRepository documents;
    private final Outbox outbox;
    private final Clock clock;
    private final DocumentChanges changes;
    private final Event<DocumentOpened> opened;
    private final String publicUrl;
    private final IncidentLocks locks;
    private final EvidenceRepository evidence;

    public DocumentService(DocumentRepository documents, Outbox outbox, Clock clock, DocumentChanges changes,
                           Event<DocumentOpened> opened, RuntimeConfig config, IncidentLocks locks,
                           EvidenceRepository evidence) {
        this.documents = documents;
        this.evidence = evidence;
        this.locks = locks;
        this.outbox = outbox;
        this.clock = clock;
        this.changes = changes;
        this.opened = opened;
        this.publicUrl = config.urls().get("docs-service");
    }

    /** Raised in the transaction that creates a document, for what belongs to a new document (the checklist). */
    public record DocumentOpened(Document document) {
    }

    /**
     * Every event of every topic lands here. The report creates the document (so notifications can link it before
     * anyone acknowledges); any event updates the header and adds a timeline line. The inbox makes a redelivery
     * skip this, and a second IncidentReported for the same incident finds the document and only logs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        // Serialises everything that happens to one incident's document until the transaction ends, including its
        // creation: without it an early event could be parked just after the report's handler took the parked ones.
        locks.lock(envelope.subject());
        Optional<Document> found = documents.forIncidentLocked(envelope.subject());
        if (found.isPresent()) {
            applyTo(found.get(), envelope);
        } else if (envelope.data() instanceof IncidentReported reported) {
            Document document = create(reported);
            applyTo(document, envelope);
            documents.takeEarly(document.incidentId).forEach(early -> applyTo(document, early));
        } else {
            documents.keepEarly(envelope);
        }
    }

    private void applyTo(Document document, EventEnvelope envelope) {
        document.header(document.header().apply(envelope.data()));
        Optional<TimelineText.Line> line = TimelineText.describe(envelope);
        if (line.isPresent()) {
            append(document, line.get(), envelope.id(), envelope.time(), null);
        }
        // The report's links are the first evidence the responders get (R-REP-4); a later report (a reply with a
        // log search, a repeated alert) adds the links it gave that are not there yet.
        if (envelope.data() instanceof IncidentReported reported) {
            EvidenceLinks.fromReport(reported).forEach(link -> evidence.addIfNew(document.id, link, envelope.time()));
        } else if (envelope.data() instanceof ReportAttached attached) {
            EvidenceLinks.fromAttached(attached).forEach(link -> evidence.addIfNew(document.id, link,
                    envelope.time()));
        }
    }

    /**
     * Adds a link a person gave with an entry to the evidence section, unless it is there already. The caller holds
     * the document's row lock and has appended the entry, so the change is announced with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addEvidence(Document document, TimelineEntry entry) {
        EvidenceLinks.fromEntry(entry.kind, entry.text, entry.link, entry.actor)
                .ifPresent(link -> evidence.addIfNew(document.id, link, entry.occurredAt));
    }

    /**
     * Appends an entry a person wrote and announces it with DocumentUpdated, so the deadline service restarts the
     * 2-hour update clock (R-DOC-2). The caller holds the document's row lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry write(Document document, String kind, String actor, String text, String link) {
        TimelineEntry entry = append(document, new TimelineText.Line(kind, actor, text), UUID.randomUUID(),
                clock.instant(), link);
        outbox.publish(new DocumentUpdated(document.incidentId, document.id, document.revision, kind,
                document.updatedAt));
        return entry;
    }

    /** Logs something the docs service itself did (a postmortem published, say), without a DocumentUpdated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry log(Document document, String kind, String actor, String text, String link) {
        return append(document, new TimelineText.Line(kind, actor, text), UUID.randomUUID(), clock.instant(), link);
    }

    private TimelineEntry append(Document document, TimelineText.Line line, UUID eventId, Instant at, String link) {
        TimelineEntry entry = new TimelineEntry();
        entry.documentId = document.id;
        entry.eventId = eventId;
        entry.occurredAt = at;
        entry.kind = line.kind();
        entry.actor = line.actor();
        entry.text = line.text();
        entry.link = link;
        entry.previousHash = document.lastHash == null ? TimelineChain.GENESIS : document.lastHash;
        entry.hash = TimelineChain.hash(entry.previousHash, entry.content());
        documents.add(entry);
        document.lastHash = entry.hash;
        document.revision++;
        document.updatedAt = clock.instant();
        changes.afterCommit(document.incidentId, document.revision);
        return entry;
    }

    private Document create(IncidentReported reported) {
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.incidentId = reported.incidentId();
        d.trackingId = documents.nextTrackingId();
        d.header(DocumentHeader.of(reported));
        d.createdAt = clock.instant();
        d.updatedAt = d.createdAt;
        d.revision = 0;
        documents.persist(d);
        outbox.publish(new DocumentCreated(d.incidentId, d.id, d.trackingId, url(d), d.createdAt));
        opened.fire(new DocumentOpened(d));
        return d;
    }

    public String url(Document d) {
        return publicUrl + "/incidents/" + d.incidentId + "/document";
    }

    public String postmortemUrl(Document d) {
        return publicUrl + "/incidents/" + d.incidentId + "/postmortem";
    }
}
