package io.incident.intake.webhook;

import io.incident.events.ReportChannel;
import io.incident.intake.alert.Alert;
import io.incident.intake.alert.AlertIntake;
import io.incident.intake.alert.DedupRules;
import io.incident.intake.integration.Integration;
import io.incident.intake.integration.IntegrationRateLimiter;
import io.incident.intake.integration.IntegrationType;
import io.incident.intake.integration.Integrations;
import io.incident.intake.integration.WebhookSignatureHeader;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager, Grafana and generic webhooks (R-REP-3): the key names the integration, a signature is checked
 * when the integration has a secret, and every alert of the request goes through {@link AlertIntake} in one
 * transaction, so a request answered 202 is applied whole, and a failed one is applied not at all and can be resent.
 */
@ApplicationScoped
public class WebhookIntake {

    private final Integrations integrations;
    private final IntegrationRateLimiter rateLimiter;
    private final AlertIntake alerts;
    private final Clock clock;

    public WebhookIntake(Integrations integrations, IntegrationRateLimiter rateLimiter, AlertIntake alerts,
                         Clock clock) {
        this.integrations = integrations;
        this.rateLimiter = rateLimiter;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** How many alerts of the request had each outcome, and the dedup key of a single generic alert. */
    public record Applied(Map<DedupRules.Outcome, Integer> outcomes, String dedupKey) {
    }

    @Transactional
    public Applied alertGroup(IntegrationType type, String key, String signature, byte[] body) {
        Integration integration = authenticate(type, key, signature, body);
        AlertGroupParser.Dialect dialect = type == IntegrationType.GRAFANA
                ? AlertGroupParser.Dialect.GRAFANA : AlertGroupParser.Dialect.ALERTMANAGER;
        AlertGroupParser.Result parsed = AlertGroupParser.parse(body, dialect);
        if (parsed instanceof AlertGroupParser.Invalid invalid) {
            throw invalid(invalid.errors());
        }
        ReportChannel channel = type == IntegrationType.GRAFANA ? ReportChannel.GRAFANA : ReportChannel.ALERTMANAGER;
        Map<DedupRules.Outcome, Integer> outcomes = new EnumMap<>(DedupRules.Outcome.class);
        Instant now = clock.instant();
        for (Alert alert : ((AlertGroupParser.Valid) parsed).alerts()) {
            outcomes.merge(alerts.apply(integration, channel, DedupRules.Repeats.ARE_RESENDS, alert, now), 1,
                    Integer::sum);
        }
        return new Applied(outcomes, null);
    }

    @Transactional
    public Applied generic(String key, String signature, byte[] body) {
        Integration integration = authenticate(IntegrationType.GENERIC, key, signature, body);
        GenericWebhookParser.Result parsed = GenericWebhookParser.parse(body);
        if (parsed instanceof GenericWebhookParser.Invalid invalid) {
            throw invalid(invalid.errors());
        }
        Alert alert = ((GenericWebhookParser.Valid) parsed).alert();
        DedupRules.Outcome outcome = alerts.apply(integration, ReportChannel.GENERIC_WEBHOOK,
                DedupRules.Repeats.ATTACH, alert, clock.instant());
        return new Applied(Map.of(outcome, 1), alert.dedupKey());
    }

    /** Unknown, rotated, disabled and other-type keys all answer alike: a caller learns nothing about which. */
    private Integration authenticate(IntegrationType type, String key, String signature, byte[] body) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(401, "Integration key required", "Send the integration's key in the path ("
                    + "/webhooks/<type>/<key>) or as 'Authorization: Bearer <key>'.", Map.of());
        }
        Optional<Integration> found = integrations.authenticate(key.strip(), type);
        if (found.isEmpty()) {
            throw new ProblemException(401, "Unknown integration key", "The key is not the key of an enabled "
                    + type + " integration. Create one with POST /integrations, or use the key it gave.", Map.of());
        }
        Integration integration = found.get();
        if (integration.signingSecret != null
                && !WebhookSignature.verify(integration.signingSecret, body, signature)) {
            throw new ProblemException(401, "Bad signature", (signature == null ? "The request has no "
                    : "The request's ") + WebhookSignatureHeader.NAME + " header" + (signature == null ? "" : " does "
                    + "not match its body") + ": this integration requires '" + WebhookSignatureHeader.NAME + ": "
                    + WebhookSignatureHeader.PREFIX + "<hex HMAC-SHA256 of the raw body with the signing secret>'.",
                    Map.of());
        }
        Optional<Duration> wait = rateLimiter.throttle(integration.id);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ProblemException(429, "Too many requests", "This integration sends faster than "
                    + "intake accepts; retry in " + seconds + " s.", Map.of("retryAfterSeconds", seconds));
        }
        return integration;
    }

    private static ProblemException invalid(List<String> errors) {
        return new ProblemException(400, "Invalid webhook", "The webhook was not accepted: "
                + String.join("; ", errors), Map.of("errors", errors));
    }
}
