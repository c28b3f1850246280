package io.incident.docs.home;

import io.incident.docs.document.Document;
import io.incident.docs.document.DocumentRepository;
import io.incident.runtime.web.HtmlPage;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/** The operators' home page: every incident's document, newest first, and the way to each service. */
@Path("/")
public class HomeResource {

    private final DocumentRepository documents;
    private final String links;

    public HomeResource(DocumentRepository documents,
                        @ConfigProperty(name = "incident.urls.intake-service") String intake,
                        @ConfigProperty(name = "incident.urls.commander-service") String commander,
                        @ConfigProperty(name = "incident.urls.notification-service") String notification,
                        @ConfigProperty(name = "incident.urls.deadline-service") String deadline) {
        this.documents = documents;
        this.links = "<p>Services: <a href=\"" + escape(intake) + "/\">intake</a> · <a href=\"" + escape(commander)
                + "/\">commander</a> · <a href=\"" + escape(notification) + "/\">notification</a> · <a href=\""
                + escape(deadline) + "/\">deadline</a> · docs (here)</p>";
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String home() {
        List<List<String>> rows = documents.recent(100).stream().map((Document d) -> List.of(
                "<a href=\"/incidents/" + d.incidentId + "/document\">" + escape(d.trackingId) + "</a>",
                escape(d.title), escape(d.team), escape(d.severity), escape(d.updatedAt))).toList();
        return HtmlPage.render("docs-service", "Incident documents", links
                + HtmlPage.table(List.of("Tracking id", "Title", "Team", "Severity", "Updated"), rows,
                "No incidents yet. Send a report to intake: POST /reports."));
    }
}
