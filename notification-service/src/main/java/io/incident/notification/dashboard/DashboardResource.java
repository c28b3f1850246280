package io.incident.notification.dashboard;

import io.incident.notification.stakeholder.KnownIncident;
import io.incident.notification.stakeholder.KnownIncidentRepository;
import io.incident.runtime.web.HtmlPage;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/** Incidents whose stakeholders this service keeps informed. */
@Path("/")
public class DashboardResource {

    private final KnownIncidentRepository incidents;

    public DashboardResource(KnownIncidentRepository incidents) {
        this.incidents = incidents;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String dashboard() {
        List<List<String>> rows = incidents.recent(100).stream().map((KnownIncident k) -> List.of(
                escape(k.firstSeenAt), escape(k.team), escape(k.severity), escape(k.title),
                k.security ? "restricted" : "everyone affected", "<code>" + escape(k.incidentId) + "</code>")).toList();
        return HtmlPage.render("notification-service", "Incidents with stakeholders to inform",
                HtmlPage.table(List.of("Seen", "Team", "Severity", "Title", "Audience", "Incident"), rows,
                        "No incidents yet."));
    }
}
