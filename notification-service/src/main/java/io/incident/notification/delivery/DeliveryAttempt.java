package io.incident.notification.delivery;

import io.incident.events.NotificationDelivered;
import io.incident.events.NotificationFailed;
import io.incident.events.TicketRecorded;
import io.incident.notification.NotificationConfig;
import io.incident.notification.channel.Channel;
import io.incident.notification.channel.ChannelKind;
import io.incident.notification.channel.DeliveryException;
import io.incident.notification.channel.OutgoingMessage;
import io.incident.runtime.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Sends one due delivery in one transaction: claim the row (skipping rows other workers hold), send, then mark it
 * and write its event through the outbox before the lock is released. The claim takes urgent deliveries first
 * ({@link Urgency}), then the longest due, so a page does not wait behind other incidents' broadcasts.
 *
 * <p>The window that remains: if the process dies after the vendor accepted the message and before this
 * transaction commits, the row is still PENDING and is sent again after restart. The window is one message per
 * worker thread ({@code notification.worker.threads}, 4 by default, so at most 4 messages); the resend carries
 * the same Message-ID (or {@code X-Delivery-Id}), so it is recognisable.
 */
@ApplicationScoped
public class DeliveryAttempt {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempt.class);

    public enum Outcome { NOTHING_DUE, SENT, RETRY_SCHEDULED, FAILED, THROTTLED }

    private final EntityManager em;
    private final Map<ChannelKind, Channel> channels = new EnumMap<>(ChannelKind.class);
    private final RateLimits rateLimits;
    private final Outbox outbox;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final String messageIdDomain;
    private final MeterRegistry metrics;

    public DeliveryAttempt(EntityManager em, Instance<Channel> channels, RateLimits rateLimits, Outbox outbox,
                           Clock clock, NotificationConfig config, MeterRegistry metrics) {
        this.em = em;
        channels.forEach(c -> this.channels.put(c.kind(), c));
        this.rateLimits = rateLimits;
        this.outbox = outbox;
        this.clock = clock;
        NotificationConfig.Worker w = config.worker();
        this.retryPolicy = new RetryPolicy(w.maxAttempts(), w.firstRetry(), w.maxRetry(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.messageIdDomain = config.messageIdDomain();
        this.metrics = metrics;
    }

    /** The Message-ID of a delivery: the same on every attempt, so a resend is recognisable. */
    public static String messageId(UUID deliveryId, String domain) {
        return "<" + deliveryId + "@" + domain + ">";
    }

    @Transactional
    public Outcome processNext() {
        Instant now = clock.instant();
        Set<ChannelKind> throttled = rateLimits.exhausted();
        Delivery d = claim(now, throttled);
        if (d == null) {
            return throttled.isEmpty() ? Outcome.NOTHING_DUE : Outcome.THROTTLED;
        }
        if (!rateLimits.tryAcquire(d.channel)) {
            return Outcome.THROTTLED;
        }
        Channel channel = channels.get(d.channel);
        d.attempts++;
        try {
            if (channel == null) {
                throw DeliveryException.permanent("No adapter for channel " + d.channel);
            }
            String ref = channel.send(new OutgoingMessage(d.id, messageId(d.id, messageIdDomain), d.incidentId,
                    d.recipient, d.template, d.subject, d.body));
            markSent(d, ref, clock.instant());
            return Outcome.SENT;
        } catch (DeliveryException e) {
            Instant at = clock.instant();
            d.lastError = e.getMessage();
            if (!e.permanent() && retryPolicy.mayRetry(d.attempts)) {
                d.nextAttemptAt = at.plus(retryPolicy.delayAfter(d.attempts));
                metrics.counter("notification.delivery.retries", "channel", d.channel.name()).increment();
                LOG.debugf("Delivery %s on %s failed (%s); retry at %s", d.id, d.channel, e.getMessage(),
                        d.nextAttemptAt);
                return Outcome.RETRY_SCHEDULED;
            }
            markFailed(d, at);
            return Outcome.FAILED;
        }
    }

    private Delivery claim(Instant now, Set<ChannelKind> throttled) {
        // Enum names only, never input, so building the list into the statement is safe.
        String skip = throttled.isEmpty() ? "" : " and channel not in (" + throttled.stream()
                .map(k -> "'" + k.name() + "'").collect(Collectors.joining(",")) + ")";
        @SuppressWarnings("unchecked")
        List<Delivery> rows = em.createNativeQuery("select * from delivery where status = 'PENDING'"
                        + " and next_attempt_at <= ?1" + skip
                        + " order by priority, recipient_backlog, next_attempt_at limit 1 for update skip locked", Delivery.class)
                .setParameter(1, now).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void markSent(Delivery d, String ref, Instant at) {
        d.status = DeliveryStatus.SENT;
        d.sentAt = at;
        d.externalRef = ref;
        d.lastError = null;
        outbox.publish(new NotificationDelivered(d.incidentId, d.id, d.channel.contractChannel(), d.audience,
                d.template, at));
        if (d.channel == ChannelKind.JIRA && ref != null) {
            String label = d.body.split("\n", 2)[0].trim();
            outbox.publish(new TicketRecorded(d.incidentId, ref, label, d.subject, at));
        }
        metrics.counter("notification.delivery.sent", "channel", d.channel.name()).increment();
    }

    private void markFailed(Delivery d, Instant at) {
        d.status = DeliveryStatus.FAILED;
        d.failedAt = at;
        outbox.publish(new NotificationFailed(d.incidentId, d.id, d.channel.contractChannel(), d.audience,
                d.template, d.lastError, d.attempts, at));
        metrics.counter("notification.delivery.failed", "channel", d.channel.name()).increment();
        LOG.warnf("Delivery %s on %s failed for good after %d attempt(s): %s", d.id, d.channel, d.attempts,
                d.lastError);
    }
}
