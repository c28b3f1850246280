package io.incident.docs.document;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One document rebuilt in memory from its events: the same header rules, timeline lines and hash chain the service
 * stores, without a database. Used to rebuild documents by replaying the topics and to measure how fast that is.
 */
public final class DocumentBuilder {

    private final UUID documentId;
    private DocumentHeader header;
    private final List<TimelineChain.Content> timeline = new ArrayList<>();
    private String lastHash = TimelineChain.GENESIS;

    private DocumentBuilder(UUID documentId, DocumentHeader header) {
        this.documentId = documentId;
        this.header = header;
    }

    /** A document starts with the report that opened the incident; other first events have nothing to attach to. */
    public static Optional<DocumentBuilder> start(UUID documentId, EventEnvelope first) {
        if (!(first.data() instanceof IncidentReported reported)) {
            return Optional.empty();
        }
        DocumentBuilder builder = new DocumentBuilder(documentId, DocumentHeader.of(reported));
        builder.apply(first);
        return Optional.of(builder);
    }

    /** @return whether the event added a timeline entry */
    public boolean apply(EventEnvelope envelope) {
        header = header.apply(envelope.data());
        Optional<TimelineText.Line> line = TimelineText.describe(envelope);
        if (line.isEmpty()) {
            return false;
        }
        TimelineChain.Content content = new TimelineChain.Content(documentId, envelope.id(), envelope.time(),
                line.get().kind(), line.get().actor(), line.get().text(), null);
        lastHash = TimelineChain.hash(lastHash, content);
        timeline.add(content);
        return true;
    }

    public DocumentHeader header() {
        return header;
    }

    public List<TimelineChain.Content> timeline() {
        return timeline;
    }

    public String lastHash() {
        return lastHash;
    }
}
