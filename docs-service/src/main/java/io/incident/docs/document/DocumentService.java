package io.incident.docs.document;

import io.incident.events.DocumentCreated;
import io.incident.events.DocumentUpdated;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Builds each incident's document from the events about it. */
@ApplicationScoped
public class DocumentService {

    private final DocumentRepository documents;
    private final Outbox outbox;
    private final Clock clock;
    private final String publicUrl;

    public DocumentService(DocumentRepository documents, Outbox outbox, Clock clock,
                           @ConfigProperty(name = "incident.urls.docs-service") String publicUrl) {
        this.documents = documents;
        this.outbox = outbox;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        Optional<TimelineText.Line> line = TimelineText.describe(envelope.data());
        if (line.isEmpty()) {
            return;
        }
        Document document = envelope.data() instanceof IncidentReported reported
                ? documents.forIncident(reported.incidentId()).orElseGet(() -> create(reported))
                : documents.forIncident(envelope.subject()).orElse(null);
        if (document == null) {
            // An event about an incident whose report has not been seen: nothing to attach it to yet.
            return;
        }
        TimelineEntry entry = new TimelineEntry();
        entry.documentId = document.id;
        entry.eventId = envelope.id();
        entry.occurredAt = envelope.time();
        entry.kind = line.get().kind();
        entry.text = line.get().text();
        documents.add(entry);
        document.revision++;
        document.updatedAt = clock.instant();
        outbox.publish(new DocumentUpdated(document.incidentId, document.id, document.revision, entry.kind,
                document.updatedAt));
    }

    private Document create(IncidentReported reported) {
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.incidentId = reported.incidentId();
        d.trackingId = documents.nextTrackingId();
        d.title = reported.title();
        d.team = reported.team();
        d.severity = reported.severity().name();
        d.security = reported.security();
        d.createdAt = clock.instant();
        d.updatedAt = d.createdAt;
        d.revision = 0;
        documents.persist(d);
        outbox.publish(new DocumentCreated(d.incidentId, d.id, d.trackingId, url(d), d.createdAt));
        return d;
    }

    public String url(Document d) {
        return publicUrl + "/incidents/" + d.incidentId + "/document";
    }
}
