package io.incident.deadline.clock;

import io.incident.events.DeadlineKind;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/incidents/{incidentId}/deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    private final DeadlineRepository deadlines;

    public DeadlineResource(DeadlineRepository deadlines) {
        this.deadlines = deadlines;
    }

    public record DeadlineView(UUID id, DeadlineKind kind, Instant dueAt, Deadline.Status status) {
    }

    /** Every clock of the incident, soonest first; empty if none has started. */
    @GET
    @Transactional
    public List<DeadlineView> list(@RestPath UUID incidentId) {
        return deadlines.forIncident(incidentId).stream()
                .map(d -> new DeadlineView(d.id, d.kind, d.dueAt, d.status)).toList();
    }
}
