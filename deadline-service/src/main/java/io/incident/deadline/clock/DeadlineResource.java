package io.incident.deadline.clock;

import io.incident.events.DeadlineKind;
import io.incident.runtime.problem.ProblemException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /**
     * One clock. {@code warnAt} is null for a clock without a warning; {@code metAt}, {@code breachedAt} and
     * {@code cancelledAt} say how it ended, if it has.
     */
    public record DeadlineView(UUID id, DeadlineKind kind, Deadline.Status status, Instant startedAt, Instant warnAt,
                               Instant dueAt, Instant warnedAt, Instant metAt, Instant breachedAt,
                               Instant cancelledAt) {

        static DeadlineView of(Deadline d) {
            return new DeadlineView(d.id, d.kind, d.status, d.startedAt, d.warnAt, d.dueAt, d.warnedAt,
                    d.status == Deadline.Status.MET ? d.endedAt : null,
                    d.status == Deadline.Status.BREACHED ? d.endedAt : null,
                    d.status == Deadline.Status.CANCELLED ? d.endedAt : null);
        }
    }

    /** Every clock of the incident, soonest due first; empty if none has started. */
    @GET
    @Transactional
    public List<DeadlineView> list(@RestPath String incidentId) {
        return deadlines.forIncident(parse(incidentId)).stream().map(DeadlineView::of).toList();
    }

    private static UUID parse(String incidentId) {
        try {
            return UUID.fromString(incidentId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid incident id",
                    "'" + incidentId + "' is not an incident id; incident ids are UUIDs such as "
                            + "3f2b8c1e-9a4d-4e7b-b6c5-2d1e0f9a8b7c.");
        }
    }
}
