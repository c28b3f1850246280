package io.incident.runtime.clock;

import io.incident.runtime.access.Public;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Lets whole-stack tests move a service's clock forward. Answers 404 unless the movable clock is on, which only the
 * test and local profiles allow; so it needs no token.
 */
@Path("/admin/clock")
@Public
public class ClockResource {

    private final Clock clock;
    private final Event<ClockAdvanced> advanced;

    public ClockResource(Clock clock, Event<ClockAdvanced> advanced) {
        this.clock = clock;
        this.advanced = advanced;
    }

    public record ClockState(Instant now, boolean movable, Duration offset) {
    }

    @GET
    public ClockState now() {
        return state();
    }

    @POST
    @Path("/advance")
    public ClockState advance(@RestQuery String by) {
        if (!(clock instanceof MovableClock movable)) {
            throw new ProblemException(Response.Status.NOT_FOUND, "Clock is not movable",
                    "This service reads the real clock; set incident.clock.movable=true in a test or local profile.");
        }
        if (by == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Missing duration", "Give ?by=PT15M (ISO-8601).");
        }
        Duration duration;
        Instant now;
        try {
            duration = Duration.parse(by);
            now = movable.advance(duration);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid duration",
                    "'" + by + "' is not a positive ISO-8601 duration such as PT15M.");
        }
        // Whatever waits for an instant on this clock must look again now, not when its real-time timer ends.
        advanced.fire(new ClockAdvanced(duration, now));
        return state();
    }

    private ClockState state() {
        return clock instanceof MovableClock m
                ? new ClockState(m.instant(), true, m.offset())
                : new ClockState(clock.instant(), false, Duration.ZERO);
    }
}
