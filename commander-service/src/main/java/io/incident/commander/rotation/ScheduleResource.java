package io.incident.commander.rotation;

import io.incident.commander.access.Actors;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** R-CMD-2: on-call schedules with layers and overrides; who is on call; the shifts as an iCal feed. */
@Path("/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private final Schedules schedules;
    private final Actors actors;
    private final Clock clock;

    public ScheduleResource(Schedules schedules, Actors actors, Clock clock) {
        this.schedules = schedules;
        this.actors = actors;
        this.clock = clock;
    }

    @GET
    public List<Schedules.ScheduleView> list() {
        return schedules.list();
    }

    @GET
    @Path("{id}")
    public Schedules.ScheduleView get(@RestPath String id) {
        return schedules.get(id);
    }

    @PUT
    @Path("{id}")
    public Schedules.ScheduleView put(@RestPath String id, Schedules.ScheduleInput in) {
        actors.requireAdmin();
        return schedules.put(id, in);
    }

    @DELETE
    @Path("{id}")
    public void delete(@RestPath String id) {
        actors.requireAdmin();
        schedules.delete(id);
    }

    @POST
    @Path("{id}/overrides")
    public Schedules.ScheduleView addOverride(@RestPath String id, Override override) {
        actors.requireAdmin();
        return schedules.addOverride(id, override);
    }

    @DELETE
    @Path("{id}/overrides/{overrideId}")
    public Schedules.ScheduleView removeOverride(@RestPath String id, @RestPath String overrideId) {
        actors.requireAdmin();
        return schedules.removeOverride(id, overrideId);
    }

    /** {@code ?at=} an ISO instant; now when absent. */
    @GET
    @Path("{id}/on-call")
    public Schedules.OnCallView onCall(@RestPath String id, @RestQuery String at) {
        return schedules.onCall(id, at == null ? clock.instant() : instant(at, "at"));
    }

    /** The shifts from {@code from} (default now) for {@code days} (default 28), optionally one person's only. */
    @GET
    @Path("{id}/calendar.ics")
    @Produces("text/calendar")
    public Response calendar(@RestPath String id, @RestQuery String from, @RestQuery Integer days,
                             @RestQuery String person) {
        Instant start = from == null ? clock.instant() : instant(from, "from");
        String body = schedules.calendar(id, start, Duration.ofDays(days == null ? 28 : days), person,
                clock.instant());
        return Response.ok(body, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + id + ".ics\"").build();
    }

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid instant",
                    "'" + name + "' must be an ISO-8601 instant such as 2026-03-08T09:00:00Z.");
        }
    }
}
