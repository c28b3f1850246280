package io.incident.commander.incident;

import io.incident.commander.access.Actor;
import io.incident.commander.access.Actors;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * {@code GET /incidents}: the incidents the caller may see, newest first, filtered by state, team, severity, IC,
 * security flag, words of the title and report time, a page at a time. Security incidents appear only to those who
 * may open them.
 */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentListResource {

    private final IncidentRepository incidents;
    private final Actors actors;

    public IncidentListResource(IncidentRepository incidents, Actors actors) {
        this.incidents = incidents;
        this.actors = actors;
    }

    /** One page; {@code nextCursor} is absent on the last one. */
    public record Page(List<IncidentSummary> items, String nextCursor) {
    }

    @GET
    public Page list(@RestQuery List<String> state, @RestQuery String team, @RestQuery List<String> severity,
                     @RestQuery String commander, @RestQuery String security, @RestQuery String q,
                     @RestQuery String reportedFrom, @RestQuery String reportedBefore, @RestQuery String limit,
                     @RestQuery String cursor) {
        IncidentSearch search;
        try {
            search = IncidentSearch.parse(state, team, severity, commander, security, q, reportedFrom,
                    reportedBefore, limit, cursor);
        } catch (IncidentSearch.Invalid e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid filter", e.getMessage());
        }
        Actor viewer = actors.current().orElse(null);
        List<IncidentSummary> rows = incidents.search(search, viewer == null ? null : viewer.ref(),
                viewer != null && viewer.seesSecurityIncidents());
        if (rows.size() <= search.limit()) {
            return new Page(rows, null);
        }
        List<IncidentSummary> page = rows.subList(0, search.limit());
        IncidentSummary last = page.get(page.size() - 1);
        return new Page(List.copyOf(page), new IncidentSearch.Cursor(last.reportedAt(), last.id()).encode());
    }
}
