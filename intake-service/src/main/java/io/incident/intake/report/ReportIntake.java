package io.incident.intake.report;

import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an accepted report into an incident (R-REP-5). The report row and its event commit together, so a report
 * that was answered 202 is never lost, even if the service dies the next instant.
 */
@ApplicationScoped
public class ReportIntake {

    private final ReportRepository reports;
    private final Outbox outbox;
    private final Clock clock;

    public ReportIntake(ReportRepository reports, Outbox outbox, Clock clock) {
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Report accept(NewReport request) {
        List<ReportRules.Violation> violations = ReportRules.check(request);
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Invalid report",
                    "The report was not accepted: " + violations.stream().map(v -> v.field() + " " + v.reason())
                            .reduce((a, b) -> a + "; " + b).orElse(""),
                    Map.of("errors", violations));
        }
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.incidentId = UUID.randomUUID();
        report.team = request.team();
        report.title = request.title().strip();
        report.description = request.description() == null ? "" : request.description();
        report.channel = ReportChannel.REST.name();
        report.severity = ReportRules.severity(request).name();
        report.reporter = request.reporter();
        report.reporterRef = request.reporter() == null ? null : UUID.randomUUID();
        report.receivedAt = clock.instant();
        reports.persist(report);

        // A person reporting directly is likely reporting an incident: the 5-minute acknowledge goal (R-ACK-2).
        outbox.publish(new IncidentReported(report.incidentId, report.id, report.team, report.title,
                report.description, ReportChannel.REST, ReportRules.severity(request), true, false, false,
                null, report.reporterRef == null ? null : report.reporterRef.toString(), List.of(), List.of(),
                report.receivedAt));
        return report;
    }
}
