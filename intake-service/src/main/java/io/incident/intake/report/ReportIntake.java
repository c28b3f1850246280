package io.incident.intake.report;

import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.intake.classification.Classifier;
import io.incident.intake.classification.ReportQuality;
import io.incident.intake.idempotency.IdempotencyKey;
import io.incident.intake.idempotency.IdempotencyKeys;
import io.incident.intake.idempotency.IdempotentEndpoint;
import io.incident.intake.idempotency.RequestHash;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an accepted report into an incident (R-REP-5), classified (R-ACK-2, R-ACK-4), with what it lacks (R-REP-4)
 * and without personal data (R-REP-6). The report row and its event commit together, so a report
 * that was answered 202 is never lost, even if the service dies the next instant. With an {@code Idempotency-Key},
 * the key is claimed in that same transaction, so a retry of a report that was taken gets its first answer again
 * and a retry of one that was not is taken now: never two incidents, never none.
 */
@ApplicationScoped
public class ReportIntake {

    /** The answer's status: accepted, the incident is handled from here on. */
    public static final int ACCEPTED = 202;

    private final ReportRecorder recorder;
    private final ReportRepository reports;
    private final IdempotencyKeys keys;
    private final Outbox outbox;
    private final Clock clock;

    public ReportIntake(ReportRecorder recorder, ReportRepository reports, IdempotencyKeys keys, Outbox outbox,
                        Clock clock) {
        this.recorder = recorder;
        this.reports = reports;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The report, and, when {@code replayOf} is present, the first answer to its Idempotency-Key: then nothing was
     * created now and {@code report} is the one created then.
     */
    public record Taken(Report report, Optional<IdempotencyKeys.Outcome> replayOf) {
    }

    @Transactional
    public Taken accept(NewReport request, Optional<IdempotencyKey> key) {
        return accept(request, key, ReportChannel.REST);
    }

    /** A report a person made through another door than the REST API (a chat command, say). */
    @Transactional
    public Taken accept(NewReport request, Optional<IdempotencyKey> key, ReportChannel channel) {
        UUID reportId = UUID.randomUUID();
        UUID incidentId = UUID.randomUUID();
        // Claimed before the report is checked: a retry of a report taken earlier gets that answer even if the
        // rules have changed since. A report refused below rolls the claim back, so the key stays free.
        if (key.isPresent()) {
            Optional<IdempotencyKeys.Outcome> earlier = keys.claim(IdempotentEndpoint.REPORTS, key.get(),
                    RequestHash.of(request), new IdempotencyKeys.Outcome(reportId, incidentId, ACCEPTED,
                            URI.create("/reports/" + reportId)));
            if (earlier.isPresent()) {
                Report first = reports.findByIdOptional(earlier.get().resourceId()).orElseThrow(() ->
                        new IllegalStateException("Idempotency-Key names report " + earlier.get().resourceId()
                                + ", which is not stored"));
                return new Taken(first, earlier);
            }
        }
        List<ReportRules.Violation> violations = ReportRules.check(request);
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Invalid report",
                    "The report was not accepted: " + violations.stream().map(v -> v.field() + " " + v.reason())
                            .reduce((a, b) -> a + "; " + b).orElse(""),
                    Map.of("errors", violations));
        }
        Classifier.Classification c = Classifier.classify(new Classifier.Input(channel, request.team(),
                ReportRules.severity(request), false));
        String description = request.description() == null ? "" : request.description();
        List<String> findings = ReportQuality.assess(new ReportQuality.Input(request.title(), description,
                List.of(), false, 1));
        Report report = new Report();
        report.id = reportId;
        report.incidentId = incidentId;
        report.team = c.team();
        report.title = request.title().strip();
        report.description = description;
        report.channel = channel.name();
        report.severity = c.severity().name();
        report.reporter = request.reporter();
        report.reporterRef = request.reporter() == null ? null : UUID.randomUUID();
        report.receivedAt = clock.instant();
        boolean security = recorder.record(report).security();

        outbox.publish(new IncidentReported(report.incidentId, report.id, report.team, report.title,
                report.description, channel, c.severity(), c.likelyIncident(), c.siteWide(), security,
                null, report.reporterRef == null ? null : report.reporterRef.toString(),
                ReportQuality.links(report.description), findings, report.receivedAt));
        return new Taken(report, Optional.empty());
    }
}
