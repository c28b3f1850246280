package io.incident.commander.incident;

import io.incident.runtime.problem.ProblemException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.UUID;

@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentRepository incidents;

    public IncidentResource(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    public record IncidentView(UUID id, String team, String title, String severity, Incident.State state,
                               boolean security, int reportCount, Instant reportedAt, Instant updatedAt) {
    }

    @GET
    @Path("/{id}")
    @Transactional
    public IncidentView get(@RestPath UUID id) {
        Incident i = incidents.findByIdOptional(id).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                "No such incident", "The commander has not seen incident " + id + "."));
        return new IncidentView(i.id, i.team, i.title, i.severity, i.state, i.security, i.reportCount, i.reportedAt,
                i.updatedAt);
    }
}
