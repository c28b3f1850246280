package io.incident.intake.pagerduty;

import io.incident.events.AcknowledgeRequested;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.ResolveRequested;
import io.incident.intake.integration.Integration;
import io.incident.intake.integration.IntegrationRateLimiter;
import io.incident.intake.integration.IntegrationType;
import io.incident.intake.integration.Integrations;
import io.incident.intake.report.Report;
import io.incident.intake.report.ReportRepository;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a valid PagerDuty event (R-REP-3): a trigger opens an incident or attaches to the one its dedup key
 * keeps open (R-REP-5); acknowledge and resolve pass on to the commander. The report, the dedup key's state and
 * the event commit in one transaction: an event answered 202 is never lost, and a key never points at an incident
 * whose IncidentReported was not written.
 */
@ApplicationScoped
public class AlertIntake {

    static final String INVALID_ROUTING_KEY = "Invalid routing key";

    private final Integrations integrations;
    private final IntegrationRateLimiter rateLimiter;
    private final AlertDedupRepository dedup;
    private final ReportRepository reports;
    private final Outbox outbox;
    private final Clock clock;

    public AlertIntake(Integrations integrations, IntegrationRateLimiter rateLimiter, AlertDedupRepository dedup,
                       ReportRepository reports, Outbox outbox, Clock clock) {
        this.integrations = integrations;
        this.rateLimiter = rateLimiter;
        this.dedup = dedup;
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public EnqueueResult accept(PagerDutyEventParser.Valid valid) {
        PagerDutyEvent event = valid.event();
        // Unknown, rotated and disabled keys look alike to the caller, as in PagerDuty.
        Optional<Integration> found = integrations.authenticate(event.routingKey(), IntegrationType.PAGERDUTY);
        if (found.isEmpty()) {
            return new EnqueueResult.Rejected(List.of(INVALID_ROUTING_KEY));
        }
        Integration integration = found.get();
        Optional<Duration> wait = rateLimiter.throttle(integration.id);
        if (wait.isPresent()) {
            return new EnqueueResult.Throttled(wait.get());
        }

        Instant now = clock.instant();
        // PagerDuty gives a trigger without a dedup key a fresh one, so it always opens a new alert.
        String dedupKey = event.dedupKey() != null ? event.dedupKey() : UUID.randomUUID().toString().replace("-", "");
        // Only a trigger creates a key's row: acknowledging or resolving a key nobody triggered leaves no trace.
        DedupRules.KeyState state = event.action() == EventAction.TRIGGER
                ? dedup.claim(integration.id, dedupKey, now)
                : dedup.lock(integration.id, dedupKey);
        DedupRules.Decision decision = DedupRules.decide(event.action(), state);

        switch (decision.outcome()) {
            case OPEN -> {
                Report report = report(valid, integration, dedupKey, UUID.randomUUID(), now);
                dedup.open(integration.id, dedupKey, report.incidentId, now);
                PagerDutySeverity severity = event.payload().severity();
                outbox.publish(new IncidentReported(report.incidentId, report.id, integration.team, report.title,
                        report.description, ReportChannel.PAGERDUTY, severity.severity(), severity.likelyIncident(),
                        false, false, dedupKey, null, AlertText.evidenceLinks(event), List.of(), now));
            }
            case ATTACH -> {
                Report report = report(valid, integration, dedupKey, decision.incidentId(), now);
                outbox.publish(new ReportAttached(report.incidentId, report.id, ReportChannel.PAGERDUTY,
                        report.title, null, now));
            }
            case ACKNOWLEDGE -> {
                Report report = report(valid, integration, dedupKey, decision.incidentId(), now);
                dedup.acknowledge(integration.id, dedupKey, now);
                outbox.publish(new AcknowledgeRequested(report.incidentId, report.id, ReportChannel.PAGERDUTY, now));
            }
            case RESOLVE -> {
                Report report = report(valid, integration, dedupKey, decision.incidentId(), now);
                dedup.resolve(integration.id, dedupKey, now);
                outbox.publish(new ResolveRequested(report.incidentId, report.id, ReportChannel.PAGERDUTY, now));
            }
            case DROP -> {
                // Accepted and dropped, as PagerDuty does: the tool must not retry an event that cannot apply.
            }
        }
        return new EnqueueResult.Accepted(dedupKey);
    }

    /** Every applied event is kept as sent (its routing key removed), for whoever investigates later. */
    private Report report(PagerDutyEventParser.Valid valid, Integration integration, String dedupKey,
                          UUID incidentId, Instant now) {
        PagerDutyEvent event = valid.event();
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.incidentId = incidentId;
        report.team = integration.team;
        report.channel = ReportChannel.PAGERDUTY.name();
        if (event.action() == EventAction.TRIGGER) {
            report.title = event.payload().summary();
            report.description = AlertText.description(event);
            report.severity = event.payload().severity().severity().name();
        } else {
            report.title = "PagerDuty " + event.action().wire() + " of " + integration.name;
            report.description = "";
        }
        report.integrationId = integration.id;
        report.dedupKey = dedupKey;
        report.rawPayload = valid.storedForm();
        report.receivedAt = now;
        reports.persist(report);
        return report;
    }
}
