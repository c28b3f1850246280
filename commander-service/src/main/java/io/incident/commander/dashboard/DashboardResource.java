package io.incident.commander.dashboard;

import io.incident.commander.incident.Incident;
import io.incident.commander.incident.IncidentRepository;
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

/** Incidents that nobody has taken command of yet, oldest first, with how long they have waited. */
@Path("/")
public class DashboardResource {

    private final IncidentRepository incidents;
    private final Clock clock;

    public DashboardResource(IncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String dashboard() {
        List<List<String>> rows = incidents.inState(Incident.State.REPORTED, 200).stream().map((Incident i) -> List.of(
                escape(i.reportedAt), escape(waited(i)), escape(i.team), escape(i.severity), escape(i.title),
                String.valueOf(i.reportCount), "<code>" + escape(i.id) + "</code>")).toList();
        return HtmlPage.render("commander-service", "Waiting for an Incident Commander",
                HtmlPage.table(List.of("Reported", "Waiting", "Team", "Severity", "Title", "Reports", "Incident"),
                        rows, "No incident is waiting for acknowledgement."));
    }

    private String waited(Incident i) {
        Duration d = Duration.between(i.reportedAt, clock.instant());
        return d.isNegative() ? "0m" : d.toHours() + "h " + d.toMinutesPart() + "m";
    }
}
