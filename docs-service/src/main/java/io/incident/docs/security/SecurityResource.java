package io.incident.docs.security;

import io.incident.docs.access.Actor;
import io.incident.docs.access.Actors;
import io.incident.docs.document.Document;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/incidents/{incidentId}")
public class SecurityResource {

    public record Step(String key, String label, boolean done, String doneBy, Instant doneAt) {
        public static Step of(ChecklistItem i) {
            return new Step(i.itemKey, i.label, i.doneAt != null, i.doneBy, i.doneAt);
        }
    }

    public record FormRequest(String summary) {
    }

    public record FormFiled(UUID incidentId, String trackingId, String filedBy, Instant filedAt) {
    }

    private final Actors actors;
    private final SecurityService security;

    public SecurityResource(SecurityService security, Actors actors) {
        this.actors = actors;
        this.security = security;
    }

    @GET
    @Path("/checklist")
    public List<Step> checklist(@RestPath UUID incidentId) {
        return security.checklist(incidentId, actors.current()).stream().map(Step::of).toList();
    }

    @POST
    @Path("/checklist/{key}/done")
    public Step tick(@RestPath UUID incidentId, @RestPath String key) {
        return Step.of(security.tick(incidentId, key, actors.required()));
    }

    @POST
    @Path("/security-form")
    public Response fileForm(@RestPath UUID incidentId, FormRequest request) {
        Actor actor = actors.required();
        Document d = security.fileForm(incidentId, actor, request == null ? null : request.summary());
        return Response.status(Response.Status.CREATED)
                .entity(new FormFiled(d.incidentId, d.trackingId, actor.ref(), d.securityFormFiledAt)).build();
    }
}
