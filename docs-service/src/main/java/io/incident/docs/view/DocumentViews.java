package io.incident.docs.view;

import io.incident.docs.access.Actor;
import io.incident.docs.access.DocumentAccess;
import io.incident.docs.document.Document;
import io.incident.docs.document.DocumentRepository;
import io.incident.docs.document.DocumentService;
import io.incident.docs.document.EvidenceRepository;
import io.incident.docs.document.TimelineChain;
import io.incident.docs.document.TimelineEntry;
import io.incident.docs.security.ChecklistRepository;
import io.incident.docs.writing.ActionItemRepository;
import io.incident.runtime.RuntimeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads a document with everything it shows, for the one caller who asked. */
@ApplicationScoped
public class DocumentViews {

    private final DocumentAccess access;
    private final DocumentRepository documents;
    private final ActionItemRepository actionItems;
    private final ChecklistRepository checklists;
    private final DocumentService service;
    private final Map<String, String> urls;
    private final EvidenceRepository evidence;

    public DocumentViews(DocumentAccess access, DocumentRepository documents, ActionItemRepository actionItems,
                         ChecklistRepository checklists, DocumentService service, RuntimeConfig config,
                         EvidenceRepository evidence) {
        this.evidence = evidence;
        this.access = access;
        this.documents = documents;
        this.actionItems = actionItems;
        this.checklists = checklists;
        this.service = service;
        this.urls = config.urls();
    }

    @Transactional
    public DocumentView read(UUID incidentId, Optional<Actor> actor) {
        Document d = access.readable(incidentId, actor);
        return DocumentView.of(d, documents.timeline(d.id), evidence.of(d.id), actionItems.of(d.id),
                d.security ? checklists.of(d.id) : List.of(), service.url(d), links(d));
    }

    /** The result of checking the document's hash chain (tamper evidence). */
    public record Verification(boolean ok, int entries, String lastHash, TimelineChain.Break brokenAt) {
    }

    @Transactional
    public Verification verify(UUID incidentId, Optional<Actor> actor) {
        Document d = access.readable(incidentId, actor);
        List<TimelineEntry> chain = documents.timelineInAppendOrder(d.id);
        Optional<TimelineChain.Break> broken = TimelineChain.verify(chain.stream().map(e -> new TimelineChain.Stored(
                e.id, new TimelineChain.Content(e.documentId, e.eventId, e.occurredAt, e.kind, e.actor, e.text, e.link),
                e.previousHash, e.hash)).toList());
        // The document's own pointer to the newest entry catches an entry removed from the end of the chain.
        if (broken.isEmpty() && !chain.isEmpty() && !chain.get(chain.size() - 1).hash.equals(d.lastHash)) {
            TimelineEntry last = chain.get(chain.size() - 1);
            broken = Optional.of(new TimelineChain.Break(last.id, chain.size(),
                    "the newest entry is not the one the document last appended (entries removed at the end)"));
        }
        return new Verification(broken.isEmpty(), chain.size(), d.lastHash, broken.orElse(null));
    }

    private Map<String, String> links(Document d) {
        Map<String, String> links = new LinkedHashMap<>();
        String docs = urls.get("docs-service") + "/incidents/" + d.incidentId;
        links.put("document", docs + "/document");
        links.put("markdown", docs + "/document?format=md");
        links.put("postmortem", docs + "/postmortem?format=html");
        put(links, "commander", "commander-service", "/incidents/" + d.incidentId);
        put(links, "deadlines", "deadline-service", "/incidents/" + d.incidentId + "/deadlines");
        put(links, "notifications", "notification-service", "/");
        put(links, "intake", "intake-service", "/");
        return links;
    }

    private void put(Map<String, String> links, String name, String service, String path) {
        String base = urls.get(service);
        if (base != null) {
            links.put(name, base + path);
        }
    }
}
