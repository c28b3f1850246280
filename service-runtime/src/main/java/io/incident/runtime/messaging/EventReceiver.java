package io.incident.runtime.messaging;

import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.runtime.inbox.Inbox;
import io.incident.runtime.tracing.EventSpans;
import io.incident.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every Kafka consumer method does around its domain work: read the CloudEvents envelope, skip event types
 * this build does not know, skip redeliveries through the inbox, and apply the event in a transaction of its own
 * that also records it in the inbox.
 *
 * <p>Failures that pass (the database restarting, a deadlock) are retried with back-off for as long as they last:
 * the partition waits rather than losing or reordering events. A record that breaks the contract, or a failure that
 * repeats {@value #ATTEMPTS_BEFORE_DEAD_LETTER} times, is thrown to the channel's failure strategy, which puts it on
 * the dead-letter topic for a person to look at.
 *
 * <p>Each record is applied inside a CONSUMER span, child of the producer span its {@code ce_traceparent} names (a
 * new trace when it names none), with the trace id in the log MDC: events the handler raises through the outbox
 * carry the same trace on to the next service.
 */
@ApplicationScoped
public class EventReceiver {

    static final int ATTEMPTS_BEFORE_DEAD_LETTER = 5;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(EventReceiver.class);

    private final Inbox inbox;
    private final Tracing tracing;

    public EventReceiver(Inbox inbox, Tracing tracing) {
        this.inbox = inbox;
        this.tracing = tracing;
    }

    /**
     * @param consumer a stable name for this handler; the inbox remembers what each handler has applied
     * @return true if the handler ran, false for a redelivery or an unknown event type
     */
    public boolean receive(ConsumerRecord<String, String> record, String consumer, Consumer<EventEnvelope> handler) {
        Map<String, String> headers = headers(record);
        Optional<EventEnvelope> decoded = EventCodec.decode(headers, record.value());
        if (decoded.isEmpty()) {
            LOG.debugf("Skipping unknown event type on %s at offset %d", record.topic(), record.offset());
            return false;
        }
        EventEnvelope envelope = decoded.get();
        Span span = EventSpans.startProcess(tracing, tracing.parentFromCloudEvent(headers), record.topic(),
                record.partition(), record.offset(), consumer, envelope.id(), envelope.type(), envelope.source(),
                envelope.subject());
        try (Tracing.ActiveSpan ignored = tracing.activate(span)) {
            boolean applied = applyWithRetries(envelope, consumer, handler, span);
            span.setAttribute("incident.inbox.redelivery", !applied);
            return applied;
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, "given up: the record goes to the dead-letter topic");
            throw e;
        } finally {
            span.end();
        }
    }

    private boolean applyWithRetries(EventEnvelope envelope, String consumer, Consumer<EventEnvelope> handler,
                                     Span span) {
        Duration backoff = Duration.ofMillis(100);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(envelope, consumer)) {
                        LOG.debugf("Skipping redelivered event %s", envelope.id());
                        return false;
                    }
                    handler.accept(envelope);
                    return true;
                });
            } catch (RuntimeException e) {
                boolean passing = TransientFailures.isTransient(e);
                if (!passing && attempt >= ATTEMPTS_BEFORE_DEAD_LETTER) {
                    LOG.errorf(e, "Giving up on %s %s for %s after %d attempts", envelope.type(), envelope.id(),
                            consumer, attempt);
                    throw e;
                }
                LOG.warnf("Attempt %d to apply %s %s for %s failed (%s); retrying in %d ms", attempt, envelope.type(),
                        envelope.id(), consumer, e.toString(), backoff.toMillis());
                span.addEvent("retry after " + e.getClass().getSimpleName());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry; the record will be redelivered", e);
        }
    }

    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
