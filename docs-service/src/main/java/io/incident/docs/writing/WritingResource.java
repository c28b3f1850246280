package io.incident.docs.writing;

import io.incident.docs.access.Actor;
import io.incident.docs.access.Actors;
import io.incident.docs.document.TimelineEntry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The writing API of the document: entries and action items, each made by the authenticated caller. */
@Path("/incidents/{incidentId}")
public class WritingResource {

    public record EntryRequest(String kind, String text, String link) {
    }

    public record EntryWritten(long id, String kind, String actor, String text, String link, Instant at,
                               String hash) {
        static EntryWritten of(TimelineEntry e) {
            return new EntryWritten(e.id, e.kind, e.actor, e.text, e.link, e.occurredAt, e.hash);
        }
    }

    public record ActionItemRequest(String title, String owner, LocalDate dueDate, String ticketLink) {
    }

    public record ActionItemView(UUID id, String title, String owner, LocalDate dueDate, String ticketLink,
                                 boolean done, String doneBy, Instant doneAt) {
        public static ActionItemView of(ActionItem i) {
            return new ActionItemView(i.id, i.title, i.ownerRef, i.dueDate, i.ticketLink, i.doneAt != null,
                    i.doneBy, i.doneAt);
        }
    }

    private final Actors actors;
    private final WritingService writing;

    public WritingResource(WritingService writing, Actors actors) {
        this.actors = actors;
        this.writing = writing;
    }

    @POST
    @Path("/entries")
    public Response addEntry(@RestPath UUID incidentId, EntryRequest request) {
        Actor actor = actors.required();
        EntryRequest r = request == null ? new EntryRequest(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(EntryWritten.of(writing.addEntry(incidentId, actor, r.kind(), r.text(), r.link()))).build();
    }

    public record BridgeRequest(String url) {
    }

    @PUT
    @Path("/bridge")
    public BridgeRequest setBridge(@RestPath UUID incidentId, BridgeRequest request) {
        Actor actor = actors.required();
        return new BridgeRequest(writing.setBridge(incidentId, actor, request == null ? null : request.url()).bridge);
    }

    @POST
    @Path("/action-items")
    public Response addActionItem(@RestPath UUID incidentId, ActionItemRequest request) {
        Actor actor = actors.required();
        ActionItemRequest r = request == null ? new ActionItemRequest(null, null, null, null) : request;
        ActionItem item = writing.addActionItem(incidentId, actor, r.title(), r.owner(), r.dueDate(), r.ticketLink());
        return Response.status(Response.Status.CREATED).entity(ActionItemView.of(item)).build();
    }

    @GET
    @Path("/action-items")
    public List<ActionItemView> actionItems(@RestPath UUID incidentId) {
        return writing.actionItems(incidentId, actors.current()).stream().map(ActionItemView::of).toList();
    }

    @POST
    @Path("/action-items/{itemId}/done")
    public ActionItemView markDone(@RestPath UUID incidentId, @RestPath UUID itemId) {
        return ActionItemView.of(writing.markDone(incidentId, itemId, actors.required()));
    }
}
