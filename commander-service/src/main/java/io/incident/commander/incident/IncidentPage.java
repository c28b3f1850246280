package io.incident.commander.incident;

import io.incident.runtime.web.HtmlPage;

import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/** The incident's page: its state, the acknowledge form while paging, the objection form while a close is proposed. */
final class IncidentPage {

    private IncidentPage() {
    }

    static String render(IncidentView i, String viewer) {
        StringBuilder body = new StringBuilder();
        body.append("<p><span class=\"tag\">").append(escape(i.state())).append("</span> ")
                .append("<span class=\"tag\">").append(escape(i.severity())).append("</span> ")
                .append(i.security() ? "<span class=\"tag\">security</span> " : "")
                .append("team <strong>").append(escape(i.team())).append("</strong>");
        if (i.commander() != null) {
            body.append(" · Incident Commander <strong>").append(escape(i.commander())).append("</strong>");
        } else if (i.acknowledgeBy() != null) {
            body.append(" · acknowledge by ").append(escape(i.acknowledgeBy()))
                    .append(" (level ").append(i.escalationLevel()).append(")");
        }
        body.append("</p>");
        String actorField = viewer == null
                ? "<p class=\"muted\">Sign in at <a href=\"/session\">/session</a> to act.</p>"
                : "<p class=\"muted\">Acting as <strong>" + escape(viewer) + "</strong>.</p>";
        if (i.commander() == null && (i.state() == Incident.State.REPORTED || i.state() == Incident.State.TRIAGED)) {
            body.append("<h2>Acknowledge</h2><form method=\"post\" action=\"/incidents/").append(escape(i.id()))
                    .append("/forms/acknowledge\">").append(actorField)
                    .append("<button type=\"submit\">Acknowledge and take command</button></form>");
        }
        if (i.close() != null && i.state() == Incident.State.RESOLVED) {
            body.append("<h2>Is anyone opposed to closing this incident?</h2><p>Objections are heard until ")
                    .append(escape(i.close().objectionWindowEndsAt())).append(".")
                    .append(i.close().objectionStands() ? " An objection stands." : "").append("</p>")
                    .append("<form method=\"post\" action=\"/incidents/").append(escape(i.id()))
                    .append("/forms/close-objections\">").append(actorField)
                    .append("<label>Reason <input name=\"reason\" required></label> ")
                    .append("<button type=\"submit\">Object to closing</button></form>");
        }
        body.append("<h2>Timeline</h2>").append(HtmlPage.table(List.of("At", "What", "Who", "Note"),
                i.timeline().stream().map(e -> List.of(escape(e.at()), escape(e.kind()), escape(e.actor()),
                        escape(e.text()))).toList(), "Nothing yet."));
        return HtmlPage.render("commander-service", i.title(), body.toString());
    }
}
