package io.incident.intake.alert;

import io.incident.events.AcknowledgeRequested;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.ResolveRequested;
import io.incident.intake.classification.Classifier;
import io.incident.intake.classification.ReportQuality;
import io.incident.intake.integration.Integration;
import io.incident.intake.report.Report;
import io.incident.intake.report.ReportRecorder;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Applies an alert from any monitoring tool (R-REP-3): a trigger opens an incident or attaches to the one its dedup
 * key keeps open (R-REP-5); acknowledge and resolve pass on to the commander. The report, the dedup key's state and
 * the event commit in the caller's transaction: an alert answered 202 is never lost, and a key never points at an
 * incident whose IncidentReported was not written.
 */
@ApplicationScoped
public class AlertIntake {

    private final AlertDedupRepository dedup;
    private final ReportRecorder recorder;
    private final Outbox outbox;

    public AlertIntake(AlertDedupRepository dedup, ReportRecorder recorder, Outbox outbox) {
        this.dedup = dedup;
        this.recorder = recorder;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DedupRules.Outcome apply(Integration integration, ReportChannel channel, DedupRules.Repeats repeats,
                                    Alert alert, Instant now) {
        // Only a trigger creates a key's row: acknowledging or resolving a key nobody triggered leaves no trace.
        DedupRules.KeyState state = alert.action() == EventAction.TRIGGER
                ? dedup.claim(integration.id, alert.dedupKey(), now)
                : dedup.lock(integration.id, alert.dedupKey());
        DedupRules.Decision decision = DedupRules.decide(alert.action(), state, repeats);
        String key = alert.dedupKey();

        switch (decision.outcome()) {
            case OPEN -> {
                Classifier.Classification c = Classifier.classify(
                        new Classifier.Input(channel, integration.team, alert.severity(), alert.siteWide()));
                List<String> findings = ReportQuality.assess(new ReportQuality.Input(alert.title(),
                        alert.description(), alert.evidenceLinks(), alert.startTimeKnown(), 1));
                Report report = report(alert, integration, channel, UUID.randomUUID(), c.team(), now);
                report.severity = c.severity().name();
                ReportRecorder.Recorded recorded = recorder.record(report);
                dedup.open(integration.id, key, report.incidentId, now);
                outbox.publish(new IncidentReported(report.incidentId, report.id, report.team, report.title,
                        report.description, channel, c.severity(), c.likelyIncident(), c.siteWide(),
                        recorded.security(), key, null, alert.evidenceLinks(), findings, now));
            }
            case ATTACH -> {
                // A storm repeats one key hundreds of times: each repeat is counted on the key, and only the first
                // and then one a minute become a stored report and an event, carrying the count.
                AlertDedupRepository.Repeats counted = dedup.countRepeat(integration.id, key, alert.rawPayload(), now);
                if (RepeatRules.announce(counted.announcedAt(), now)) {
                    Report report = report(alert, integration, channel, decision.incidentId(), integration.team, now);
                    recorder.record(report);
                    dedup.announced(integration.id, key, now);
                    outbox.publish(new ReportAttached(report.incidentId, report.id, channel, report.title, null, now,
                            counted.pending(), now, alert.evidenceLinks()));
                }
            }
            case ACKNOWLEDGE -> {
                Report report = report(alert, integration, channel, decision.incidentId(), integration.team, now);
                recorder.record(report);
                dedup.acknowledge(integration.id, key, now);
                outbox.publish(new AcknowledgeRequested(report.incidentId, report.id, channel, now));
            }
            case RESOLVE -> {
                Report report = report(alert, integration, channel, decision.incidentId(), integration.team, now);
                recorder.record(report);
                dedup.resolve(integration.id, key, now);
                outbox.publish(new ResolveRequested(report.incidentId, report.id, channel, now));
            }
            case DROP -> {
                // Nothing open to apply it to, or a resend: accepted and dropped, so the tool does not retry it.
            }
        }
        return decision.outcome();
    }

    /** Every applied alert is kept as sent (credentials removed), for whoever investigates later. */
    private static Report report(Alert alert, Integration integration, ReportChannel channel, UUID incidentId,
                                 String team, Instant now) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.incidentId = incidentId;
        report.team = team;
        report.channel = channel.name();
        if (alert.action() == EventAction.TRIGGER) {
            report.title = alert.title();
            report.description = alert.description() == null ? "" : alert.description();
            report.severity = alert.severity() == null ? null : alert.severity().name();
        } else {
            report.title = sender(channel) + " " + alert.action().wire() + " of " + integration.name;
            report.description = "";
        }
        report.integrationId = integration.id;
        report.dedupKey = alert.dedupKey();
        report.rawPayload = alert.rawPayload();
        report.receivedAt = now;
        return report;
    }

    private static String sender(ReportChannel channel) {
        return switch (channel) {
            case PAGERDUTY -> "PagerDuty";
            case ALERTMANAGER -> "Alertmanager";
            case GRAFANA -> "Grafana";
            case GENERIC_WEBHOOK -> "Webhook";
            default -> channel.name().toLowerCase(Locale.ROOT);
        };
    }
}
