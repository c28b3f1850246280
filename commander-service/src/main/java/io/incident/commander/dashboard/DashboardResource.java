package io.incident.commander.dashboard;

import io.incident.commander.incident.Incident;
import io.incident.commander.incident.IncidentRepository;
import io.incident.commander.rotation.OnCall;
import io.incident.commander.rotation.Schedule;
import io.incident.commander.rotation.ScheduleRepository;
import io.incident.commander.rotation.Schedules;
import io.incident.runtime.web.HtmlPage;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/**
 * Who is on call now in each team, incidents waiting for an Incident Commander with their acknowledge clocks, and
 * the active ICs. Security incidents show no title here: the page is not restricted.
 */
@Path("/")
public class DashboardResource {

    private final IncidentRepository incidents;
    private final ScheduleRepository scheduleRows;
    private final Schedules schedules;
    private final Clock clock;

    public DashboardResource(IncidentRepository incidents, ScheduleRepository scheduleRows, Schedules schedules,
                             Clock clock) {
        this.incidents = incidents;
        this.scheduleRows = scheduleRows;
        this.schedules = schedules;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String dashboard() {
        Instant now = clock.instant();
        List<List<String>> waiting = incidents.awaitingAcknowledgement(200).stream().map((Incident i) -> List.of(
                escape(i.reportedAt), escape(since(i.reportedAt, now)), escape(i.team), escape(i.severity),
                title(i), String.valueOf(i.reportCount), clockCell(i, now), link(i))).toList();
        List<List<String>> active = incidents.underCommand(200).stream().map((Incident i) -> List.of(
                escape(i.commander), escape(i.commanderTeam), escape(i.state), escape(i.severity), title(i),
                escape(since(i.acknowledgedAt, now)) + (i.rotationDue ? " <span class=\"tag\">rotate team</span>" : ""),
                link(i))).toList();
        List<List<String>> onCall = scheduleRows.listAll().stream()
                .sorted(Comparator.comparing((Schedule s) -> s.team).thenComparing(s -> s.id))
                .map(s -> List.of(escape(s.team), escape(s.name), escape(onCallNow(s, now)))).toList();
        String body = "<h2>Waiting for an Incident Commander</h2>"
                + HtmlPage.table(List.of("Reported", "Waiting", "Team", "Severity", "Title", "Reports",
                "Acknowledge clock", "Incident"), waiting, "No incident is waiting for acknowledgement.")
                + "<h2>Active Incident Commanders</h2>"
                + HtmlPage.table(List.of("IC", "Team", "State", "Severity", "Title", "In command for", "Incident"),
                active, "No incident is under command.")
                + "<h2>On call now</h2>"
                + HtmlPage.table(List.of("Team", "Schedule", "On call"), onCall, "No schedule is configured.");
        return HtmlPage.render("commander-service", "Incident command", body);
    }

    private String onCallNow(Schedule s, Instant now) {
        List<String> people = OnCall.at(schedules.rotation(s), now);
        return people.isEmpty() ? "nobody (gap)" : String.join(", ", people);
    }

    private static String clockCell(Incident i, Instant now) {
        if (i.levelsExhausted) {
            return "<strong>levels exhausted</strong>: product owner and CTO told";
        }
        if (i.acknowledgeBy == null) {
            return "<span class=\"muted\">nobody paged (no escalation policy)</span>";
        }
        Duration left = Duration.between(now, i.acknowledgeBy);
        String paged = escape(String.join(", ", i.paged));
        return "level " + i.escalationLevel + " (" + paged + "): "
                + (left.isNegative() ? "<strong>overdue " + escape(human(left.negated())) + "</strong>"
                : escape(human(left)) + " left");
    }

    private static String title(Incident i) {
        return i.security ? "<em>security incident</em>" : escape(i.title);
    }

    private static String link(Incident i) {
        return "<a href=\"/incidents/" + escape(i.id) + "\"><code>" + escape(i.id) + "</code></a>";
    }

    private static String since(Instant from, Instant now) {
        return from == null ? "" : human(Duration.between(from, now));
    }

    private static String human(Duration d) {
        return d.isNegative() ? "0m" : d.toHours() + "h " + d.toMinutesPart() + "m";
    }
}
