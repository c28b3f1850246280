package io.incident.intake.report;

import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.intake.classification.Classifier;
import io.incident.intake.classification.ReportQuality;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an accepted report into an incident (R-REP-5), classified (R-ACK-2, R-ACK-4), with what it lacks (R-REP-4)
 * and without personal data (R-REP-6). The report row and its event commit together, so a report
 * that was answered 202 is never lost, even if the service dies the next instant.
 */
@ApplicationScoped
public class ReportIntake {

    private final ReportRecorder recorder;
    private final Outbox outbox;
    private final Clock clock;

    public ReportIntake(ReportRecorder recorder, Outbox outbox, Clock clock) {
        this.recorder = recorder;
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
        Classifier.Classification c = Classifier.classify(new Classifier.Input(ReportChannel.REST, request.team(),
                ReportRules.severity(request), false));
        String description = request.description() == null ? "" : request.description();
        List<String> findings = ReportQuality.assess(new ReportQuality.Input(request.title(), description,
                List.of(), false, 1));
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.incidentId = UUID.randomUUID();
        report.team = c.team();
        report.title = request.title().strip();
        report.description = description;
        report.channel = ReportChannel.REST.name();
        report.severity = c.severity().name();
        report.reporter = request.reporter();
        report.reporterRef = request.reporter() == null ? null : UUID.randomUUID();
        report.receivedAt = clock.instant();
        boolean security = recorder.record(report).security();

        outbox.publish(new IncidentReported(report.incidentId, report.id, report.team, report.title,
                report.description, ReportChannel.REST, c.severity(), c.likelyIncident(), c.siteWide(), security,
                null, report.reporterRef == null ? null : report.reporterRef.toString(),
                ReportQuality.links(report.description), findings, report.receivedAt));
        return report;
    }
}
