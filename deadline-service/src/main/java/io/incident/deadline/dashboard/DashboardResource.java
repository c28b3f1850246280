package io.incident.deadline.dashboard;

import io.incident.deadline.clock.Deadline;
import io.incident.deadline.clock.DeadlineRepository;
import io.incident.deadline.measurement.Measurement;
import io.incident.deadline.measurement.MeasurementRepository;
import io.incident.deadline.measurement.MeasurementResource;
import io.incident.runtime.web.HtmlPage;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/** Running clocks, the soonest first, with the time left on each. */
@Path("/")
public class DashboardResource {

    private static final int SHOWN = 200;

    /**
     * Counts each clock down once a second between page loads. It reads the page's own "now" rather than the
     * browser's, so a clock a test moved forward, or a browser whose time is off, still shows what the service sees.
     */
    private static final String COUNTDOWN = """
            <script>
            (function () {
              var clocks = document.getElementById('clocks');
              if (!clocks) { return; }
              var skew = Number(clocks.dataset.now) - Date.now();
              function left(ms) {
                var late = ms < 0, s = Math.floor(Math.abs(ms) / 1000);
                var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
                var text = (h > 0 ? h + 'h ' : '') + m + 'm ' + (s % 60) + 's';
                return late ? 'overdue by ' + text : text;
              }
              function tick() {
                var now = Date.now() + skew;
                clocks.querySelectorAll('[data-due]').forEach(function (cell) {
                  cell.textContent = left(Number(cell.dataset.due) - now);
                });
              }
              setInterval(tick, 1000);
            })();
            </script>""";

    private final DeadlineRepository deadlines;
    private final MeasurementRepository measurements;
    private final Clock clock;

    public DashboardResource(DeadlineRepository deadlines, MeasurementRepository measurements, Clock clock) {
        this.deadlines = deadlines;
        this.measurements = measurements;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String dashboard() {
        Instant now = clock.instant();
        List<List<String>> rows = deadlines.running(SHOWN).stream().map((Deadline d) -> List.of(
                "<span class=\"tag\">" + escape(d.kind) + "</span>",
                "<code>" + escape(d.incidentId) + "</code>",
                escape(d.dueAt),
                "<span data-due=\"" + d.dueAt.toEpochMilli() + "\">" + escape(left(now, d.dueAt)) + "</span>",
                d.warnedAt != null ? "warned at " + escape(d.warnedAt) : d.warnAt != null ? "at " + escape(d.warnAt) : ""))
                .toList();
        String table = HtmlPage.table(List.of("Clock", "Incident", "Due (UTC)", "Left", "Warning"), rows,
                "No clock is running.");
        return HtmlPage.render("deadline-service", "Running clocks",
                "<div id=\"clocks\" data-now=\"" + now.toEpochMilli() + "\">" + table + "</div>"
                        + (rows.isEmpty() ? "" : COUNTDOWN) + measured(now));
    }

    /** R-PM-4 at a glance; {@code /measurements} has the figures as JSON with filters. */
    private String measured(Instant now) {
        Measurement m = measurements.measure(new Measurement.Filter(null, null,
                now.minus(MeasurementResource.DEFAULT_PERIOD), now));
        List<List<String>> groups = m.groups().stream().map(g -> List.of(escape(g.team()), escape(g.severity()),
                escape(g.incidents()), median(g.acknowledge()), median(g.mitigate()), median(g.resolve()),
                median(g.close()))).toList();
        List<List<String>> rules = m.compliance().stream().map(c -> List.of(escape(c.rule()),
                "<span class=\"tag\">" + escape(c.kind()) + "</span>", escape(c.met()), escape(c.breached()),
                c.rate() == null ? "" : escape(Math.round(c.rate() * 100) + " %"))).toList();
        return "<h2>Response times, last 90 days (median from the report)</h2>"
                + HtmlPage.table(List.of("Team", "Severity", "Incidents", "Acknowledged", "Mitigated", "Resolved",
                "Closed"), groups, "No incident in the period.")
                + "<h2>Compliance per rule</h2>"
                + HtmlPage.table(List.of("Rule", "Clock", "Met", "Breached", "Met on time"), rules,
                "No clock ended in the period.");
    }

    private static String median(Measurement.Phase phase) {
        return phase.p50Seconds() == null ? "" : escape(left(Instant.EPOCH, Instant.EPOCH.plusSeconds(
                Math.round(phase.p50Seconds()))).replace("overdue by ", "")) + " (" + phase.count() + ")";
    }

    static String left(Instant now, Instant due) {
        Duration left = Duration.between(now, due);
        Duration abs = left.abs();
        String text = (abs.toHours() > 0 ? abs.toHours() + "h " : "") + abs.toMinutesPart() + "m "
                + abs.toSecondsPart() + "s";
        return left.isNegative() ? "overdue by " + text : text;
    }
}
