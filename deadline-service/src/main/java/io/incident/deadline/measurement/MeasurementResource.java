package io.incident.deadline.measurement;

import io.incident.events.Severity;
import io.incident.runtime.problem.ProblemException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** R-PM-4: time to acknowledge, mitigate, resolve and close, and compliance per rule. */
@Path("/measurements")
public class MeasurementResource {

    /** Without a period, the last 90 days: a quarter is what a postmortem review usually looks back on. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final MeasurementRepository measurements;
    private final Clock clock;

    public MeasurementResource(MeasurementRepository measurements, Clock clock) {
        this.measurements = measurements;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Measurement measure(@QueryParam("team") String team, @QueryParam("severity") String severity,
                               @QueryParam("since") String since, @QueryParam("until") String until) {
        return measurements.measure(filter(team, severity, since, until, clock.instant()));
    }

    static Measurement.Filter filter(String team, String severity, String since, String until, Instant now) {
        if (severity != null && Arrays.stream(Severity.values()).noneMatch(s -> s.name().equals(severity))) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Unknown severity",
                    "severity must be one of " + Arrays.toString(Severity.values()) + "; got '" + severity + "'");
        }
        Instant to = instant("until", until, now);
        Instant from = instant("since", since, to.minus(DEFAULT_PERIOD));
        if (!from.isBefore(to)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Empty period", "since (" + from + ") must be before until (" + to + ")");
        }
        return new Measurement.Filter(blankToNull(team), severity, from, to);
    }

    private static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Bad " + name, name + " must be an ISO-8601 instant such as "
                    + "2026-03-01T00:00:00Z; got '" + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
