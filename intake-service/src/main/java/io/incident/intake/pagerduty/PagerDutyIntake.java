package io.incident.intake.pagerduty;

import io.incident.events.ReportChannel;
import io.incident.intake.alert.Alert;
import io.incident.intake.alert.AlertIntake;
import io.incident.intake.alert.DedupRules;
import io.incident.intake.alert.EventAction;
import io.incident.intake.integration.Integration;
import io.incident.intake.integration.IntegrationRateLimiter;
import io.incident.intake.integration.IntegrationType;
import io.incident.intake.integration.Integrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A valid PagerDuty event, checked against its routing key and the integration's rate, then handed to the
 * channel-neutral {@link AlertIntake} with PagerDuty's meaning of a repeated trigger: attach.
 */
@ApplicationScoped
public class PagerDutyIntake {

    static final String INVALID_ROUTING_KEY = "Invalid routing key";

    private final Integrations integrations;
    private final IntegrationRateLimiter rateLimiter;
    private final AlertIntake alerts;
    private final Clock clock;

    public PagerDutyIntake(Integrations integrations, IntegrationRateLimiter rateLimiter, AlertIntake alerts,
                           Clock clock) {
        this.integrations = integrations;
        this.rateLimiter = rateLimiter;
        this.alerts = alerts;
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
        // PagerDuty gives a trigger without a dedup key a fresh one, so it always opens a new alert.
        String dedupKey = event.dedupKey() != null ? event.dedupKey() : UUID.randomUUID().toString().replace("-", "");
        alerts.apply(integration, ReportChannel.PAGERDUTY, DedupRules.Repeats.ATTACH, alert(valid, dedupKey),
                clock.instant());
        return new EnqueueResult.Accepted(dedupKey);
    }

    private static Alert alert(PagerDutyEventParser.Valid valid, String dedupKey) {
        PagerDutyEvent event = valid.event();
        if (event.action() != EventAction.TRIGGER) {
            return new Alert(event.action(), dedupKey, null, null, null, false, List.of(), false, valid.storedForm());
        }
        PagerDutyEvent.Payload payload = event.payload();
        return new Alert(event.action(), dedupKey, payload.summary(), AlertText.description(event),
                payload.severity().severity(), false, AlertText.evidenceLinks(event), payload.timestamp() != null,
                valid.storedForm());
    }
}
