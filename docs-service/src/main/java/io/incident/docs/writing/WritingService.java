package io.incident.docs.writing;

import io.incident.docs.access.Actor;
import io.incident.docs.access.DocumentAccess;
import io.incident.docs.document.Document;
import io.incident.docs.document.DocumentService;
import io.incident.docs.document.TimelineEntry;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the IC and the team write into the document (R-DOC-1, R-DOC-2): each entry is a DocumentUpdated. */
@ApplicationScoped
public class WritingService {

    private final DocumentAccess access;
    private final DocumentService documents;
    private final ActionItemRepository actionItems;
    private final Clock clock;

    public WritingService(DocumentAccess access, DocumentService documents, ActionItemRepository actionItems,
                          Clock clock) {
        this.access = access;
        this.documents = documents;
        this.actionItems = actionItems;
        this.clock = clock;
    }

    @Transactional
    public TimelineEntry addEntry(UUID incidentId, Actor actor, String kind, String text, String link) {
        String k = EntryRules.kind(kind);
        String t = EntryRules.text("text", text);
        String l = EntryRules.link("link", link, k.equals("evidence"));
        Document d = access.writable(incidentId, actor);
        if (k.equals("status-summary")) {
            d.statusSummary = t;
        }
        TimelineEntry entry = documents.write(d, k, actor.ref(), t, l);
        // Every link a person gives with an entry is evidence, not only those of kind "evidence": an update that
        // links the graph it describes points at evidence just the same.
        if (l != null) {
            documents.addEvidence(d, entry);
        }
        return entry;
    }

    /** The conference bridge shows in the header; no event carries it, so the IC sets it here. */
    @Transactional
    public Document setBridge(UUID incidentId, Actor actor, String url) {
        String bridge = EntryRules.link("url", url, true);
        Document d = access.writable(incidentId, actor);
        if (!bridge.equals(d.bridge)) {
            d.bridge = bridge;
            documents.log(d, "bridge", actor.ref(), actor.ref() + " set the bridge.", bridge);
        }
        return d;
    }

    @Transactional
    public ActionItem addActionItem(UUID incidentId, Actor actor, String title, String ownerRef, LocalDate due,
                                    String ticketLink) {
        ActionItem item = new ActionItem();
        item.id = UUID.randomUUID();
        item.title = EntryRules.text("title", title);
        item.ownerRef = EntryRules.text("owner", ownerRef);
        if (due == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Missing dueDate",
                    "dueDate (YYYY-MM-DD) is required: every action item has a date it is due.");
        }
        item.dueDate = due;
        item.ticketLink = EntryRules.link("ticketLink", ticketLink, false);
        Document d = access.writable(incidentId, actor);
        item.documentId = d.id;
        item.createdBy = actor.ref();
        item.createdAt = clock.instant();
        actionItems.persist(item);
        documents.write(d, "action-item", actor.ref(), "Action item for " + item.ownerRef + ", due " + due + ": "
                + item.title, item.ticketLink);
        return item;
    }

    @Transactional
    public List<ActionItem> actionItems(UUID incidentId, Optional<Actor> actor) {
        return actionItems.of(access.readable(incidentId, actor).id);
    }

    /** Marking an item done twice is harmless: the second call changes and logs nothing. */
    @Transactional
    public ActionItem markDone(UUID incidentId, UUID itemId, Actor actor) {
        Document d = access.writable(incidentId, actor);
        ActionItem item = actionItems.findByIdOptional(itemId).filter(i -> i.documentId.equals(d.id))
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "No such action item",
                        "Incident " + incidentId + " has no action item " + itemId + "."));
        if (item.doneAt == null) {
            item.doneAt = clock.instant();
            item.doneBy = actor.ref();
            documents.write(d, "action-item", actor.ref(), "Action item done: " + item.title, item.ticketLink);
        }
        return item;
    }
}
