package io.incident.intake.dashboard;

import io.incident.intake.integration.IntegrationRepository;
import io.incident.intake.report.Report;
import io.incident.intake.report.ReportRepository;
import io.incident.runtime.web.HtmlPage;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/** The operators' view of intake: the latest reports and the connected tools, without contacts or keys. */
@Path("/")
public class DashboardResource {

    private final ReportRepository reports;
    private final IntegrationRepository integrations;

    public DashboardResource(ReportRepository reports, IntegrationRepository integrations) {
        this.reports = reports;
        this.integrations = integrations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String dashboard() {
        List<List<String>> rows = reports.recent(100).stream().map((Report r) -> List.of(
                escape(r.receivedAt), escape(r.team), escape(r.title), "<span class=\"tag\">" + escape(r.channel)
                        + "</span>", escape(r.severity), "<code>" + escape(r.incidentId) + "</code>")).toList();
        List<List<String>> tools = integrations.all().stream().map(i -> List.of(
                escape(i.team), escape(i.name), "<span class=\"tag\">" + escape(i.type) + "</span>",
                i.enabled ? "enabled" : "disabled " + escape(i.disabledAt), escape(i.keyRotatedAt))).toList();
        return HtmlPage.render("intake-service", "Latest reports",
                HtmlPage.table(List.of("Received", "Team", "Title", "Channel", "Severity", "Incident"), rows,
                        "No reports yet. POST one to /reports.")
                        + "<h2>Integrations</h2>"
                        + HtmlPage.table(List.of("Team", "Name", "Type", "State", "Key issued"), tools,
                        "No integrations yet. POST one to /integrations."));
    }
}
