package io.incident.deadline.dashboard;

import io.incident.deadline.clock.Deadline;
import io.incident.deadline.clock.DeadlineRepository;
import io.incident.runtime.web.HtmlPage;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/** Running clocks, the soonest first, with the time left on each. */
@Path("/")
public class DashboardResource {

    private final DeadlineRepository deadlines;
    private final Clock clock;

    public DashboardResource(DeadlineRepository deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String dashboard() {
        List<List<String>> rows = deadlines.pending(200).stream().map((Deadline d) -> List.of(
                escape(d.dueAt), escape(left(d)), "<span class=\"tag\">" + escape(d.kind) + "</span>",
                "<code>" + escape(d.incidentId) + "</code>")).toList();
        return HtmlPage.render("deadline-service", "Running clocks",
                HtmlPage.table(List.of("Due (UTC)", "Left", "Clock", "Incident"), rows, "No clock is running."));
    }

    private String left(Deadline d) {
        Duration left = Duration.between(clock.instant(), d.dueAt);
        return left.isNegative() ? "overdue by " + left.negated().toMinutes() + "m"
                : left.toMinutes() + "m " + left.toSecondsPart() + "s";
    }
}
