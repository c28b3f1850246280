package io.incident.notification.dashboard;

import io.incident.notification.delivery.Delivery;
import io.incident.notification.delivery.DeliveryLog;
import io.incident.notification.stakeholder.KnownIncident;
import io.incident.notification.stakeholder.KnownIncidentRepository;
import io.incident.runtime.access.Roles;
import io.incident.runtime.web.HtmlPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static io.incident.runtime.web.HtmlPage.escape;

/** The delivery log with filters, the dead-letter list with reasons and "retry now", and the incidents watched. */
@Path("/")
public class DashboardResource {

    private final KnownIncidentRepository incidents;
    private final DeliveryLog log;

    public DashboardResource(KnownIncidentRepository incidents, DeliveryLog log) {
        this.incidents = incidents;
        this.log = log;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String dashboard(@QueryParam("incident") UUID incident, @QueryParam("status") String status,
                            @QueryParam("channel") String channel, @QueryParam("template") String template) {
        List<List<String>> deliveries = log.find(new DeliveryLog.Filter(incident, status, channel, template, 200))
                .stream().map(DashboardResource::row).toList();
        List<List<String>> failures = log.find(new DeliveryLog.Filter(incident, "FAILED", null, null, 100)).stream()
                .map(d -> List.of(escape(d.failedAt), "<code>" + escape(d.incidentId) + "</code>", escape(d.channel),
                        escape(d.audience), escape(d.recipient), escape(d.template), escape(d.attempts),
                        escape(d.lastError), retryForm(d))).toList();
        List<List<String>> known = incidents.recent(100).stream().map((KnownIncident k) -> List.of(
                escape(k.firstSeenAt), escape(k.team), escape(k.severity), escape(k.title),
                k.security ? "restricted" : "everyone affected", "<a href=\"/?incident=" + escape(k.incidentId)
                        + "\"><code>" + escape(k.incidentId) + "</code></a>")).toList();
        String filters = """
                <form method="get" action="/"><label>Incident <input name="incident" value="%s" size="36"></label>
                <label>Status <select name="status">%s</select></label>
                <label>Channel <select name="channel">%s</select></label>
                <label>Template <input name="template" value="%s" size="16"></label>
                <button>Filter</button></form>""".formatted(escape(incident == null ? "" : incident),
                options(status, "", "PENDING", "SENT", "FAILED"),
                options(channel, "", "EMAIL", "SLACK", "TEAMS", "MATTERMOST", "ROOM_TOPIC", "WEBHOOK", "JIRA"),
                escape(template == null ? "" : template));
        return HtmlPage.render("notification-service", "Notifications",
                "<h2>Failed deliveries</h2>" + HtmlPage.table(List.of("Failed", "Incident", "Channel", "Audience",
                        "Recipient", "Template", "Attempts", "Reason", ""), failures, "No failed deliveries.")
                        + "<h2>Delivery log</h2>" + filters
                        + HtmlPage.table(List.of("Created", "Incident", "Channel", "Audience", "Recipient",
                        "Template", "Subject", "Status", "Attempts", "Last error"), deliveries, "No deliveries.")
                        + "<h2>Incidents with stakeholders to inform</h2>"
                        + HtmlPage.table(List.of("Seen", "Team", "Severity", "Title", "Audience", "Incident"), known,
                        "No incidents yet."));
    }

    /** The dashboard's "retry now": a form post made with the session cookie, then back to the page. */
    @POST
    @Path("dashboard/deliveries/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RESPONDER)
    public Response retry(@PathParam("id") UUID id) {
        log.retryNow(id);
        return Response.seeOther(URI.create("/")).build();
    }

    private static List<String> row(Delivery d) {
        return List.of(escape(d.createdAt), "<code>" + escape(d.incidentId) + "</code>", escape(d.channel),
                escape(d.audience), escape(d.recipient), escape(d.template), escape(d.subject),
                "<span class=\"tag\">" + escape(d.status) + "</span>", escape(d.attempts), escape(d.lastError));
    }

    private static String retryForm(Delivery d) {
        return "<form method=\"post\" action=\"/dashboard/deliveries/" + escape(d.id) + "/retry\">"
                + "<button>Retry now</button></form>";
    }

    private static String options(String selected, String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append("<option value=\"").append(escape(v)).append('"')
                    .append(v.equalsIgnoreCase(selected == null ? "" : selected) ? " selected" : "").append('>')
                    .append(v.isEmpty() ? "any" : escape(v)).append("</option>");
        }
        return sb.toString();
    }
}
