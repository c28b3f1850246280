package io.incident.runtime.messaging;

import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.runtime.inbox.Inbox;
import io.incident.runtime.lock.IncidentLocks;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * <p>{@link #receiveBatch} applies a whole poll in one transaction: one inbox statement and one commit for up to
 * {@code max.poll.records} events instead of one each, which is what lets a service keep pace with a storm. If the
 * batch fails for any reason it is rolled back and its records are applied one at a time as above, so one bad event
 * never blocks or doubles the others; a record given up on there goes to the dead-letter topic by itself.
 *
 * <p>Each record is applied inside a CONSUMER span, child of the producer span its {@code ce_traceparent} names (a
 * new trace when it names none), with the trace id in the log MDC: events the handler raises through the outbox
 * carry the same trace on to the next service.
 */
@ApplicationScoped
public class EventReceiver {

    static final int ATTEMPTS_BEFORE_DEAD_LETTER = 5;
    /**
     * A batch on starved cores can outlast the 60 s default; the reaper would roll it back and the whole batch
     * would be applied again one event at a time, which is slower still.
     */
    private static final int BATCH_TIMEOUT_SECONDS = 300;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(EventReceiver.class);

    private final Inbox inbox;
    private final Tracing tracing;
    private final DeadLetters deadLetters;
    private final PersistenceContext persistence;
    private final IncidentLocks locks;

    public EventReceiver(Inbox inbox, Tracing tracing, DeadLetters deadLetters, PersistenceContext persistence,
                         IncidentLocks locks) {
        this.inbox = inbox;
        this.locks = locks;
        this.tracing = tracing;
        this.deadLetters = deadLetters;
        this.persistence = persistence;
    }

    /**
     * Applies a polled batch in one transaction, in record order, falling back to {@link #receive} per record when
     * the batch fails. Never throws for a record that cannot be applied: that record is dead-lettered to
     * {@code dead-letter-topic-<channel>} and the others go on.
     *
     * @param channel the incoming channel the records came from, which names the dead-letter topic
     * @return how many events the handler applied
     */
    public int receiveBatch(Iterable<ConsumerRecord<String, String>> records, String channel, String consumer,
                            Consumer<EventEnvelope> handler) {
        List<Received> batch = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            Map<String, String> headers = headers(record);
            Optional<EventEnvelope> decoded;
            try {
                decoded = EventCodec.decode(headers, record.value());
            } catch (RuntimeException e) {
                // Breaks the contract: the single-record path below dead-letters it.
                batch.add(new Received(record, headers, null));
                continue;
            }
            if (decoded.isEmpty()) {
                LOG.debugf("Skipping unknown event type on %s at offset %d", record.topic(), record.offset());
            } else if (seen.add(decoded.get().id())) {
                batch.add(new Received(record, headers, decoded.get()));
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        if (batch.size() > 1 && batch.stream().allMatch(r -> r.envelope() != null)) {
            try {
                return QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                        .call(() -> applyInOneTransaction(batch, consumer, handler));
            } catch (RuntimeException e) {
                LOG.infof("A batch of %d events for %s failed (%s); applying them one at a time", batch.size(),
                        consumer, e.toString());
            }
        }
        int applied = 0;
        for (Received r : batch) {
            try {
                if (receive(r.record(), consumer, handler)) {
                    applied++;
                }
            } catch (RuntimeException e) {
                deadLetters.send(channel, r.record(), e);
            }
        }
        return applied;
    }

    private int applyInOneTransaction(List<Received> batch, String consumer, Consumer<EventEnvelope> handler) {
        Set<UUID> fresh = inbox.firstDeliveries(batch.stream().map(Received::envelope).toList(), consumer);
        // Handlers serialise per incident; a batch holds many incidents at once, so it takes all their locks first,
        // in the one order every batch uses, rather than one by one as its handlers reach them.
        locks.lockAll(batch.stream().filter(r -> fresh.contains(r.envelope().id())).map(r -> r.envelope().subject())
                .toList());
        int applied = 0;
        for (Received r : batch) {
            EventEnvelope envelope = r.envelope();
            if (!fresh.contains(envelope.id())) {
                LOG.debugf("Skipping redelivered event %s", envelope.id());
                continue;
            }
            Span span = EventSpans.startProcess(tracing, tracing.parentFromCloudEvent(r.headers()),
                    r.record().topic(), r.record().partition(), r.record().offset(), consumer, envelope.id(),
                    envelope.type(), envelope.source(), envelope.subject());
            try (Tracing.ActiveSpan ignored = tracing.activate(span)) {
                handler.accept(envelope);
                // The next event's handler may read with plain JDBC what this one wrote through Hibernate, and must
                // see the database as it would in a transaction of its own: write everything out, forget the rest.
                persistence.flushAndClear();
                applied++;
            } catch (RuntimeException | Error e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, "batch rolled back; applied again on its own");
                throw e;
            } finally {
                span.end();
            }
        }
        return applied;
    }

    private record Received(ConsumerRecord<String, String> record, Map<String, String> headers,
                            EventEnvelope envelope) {
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
