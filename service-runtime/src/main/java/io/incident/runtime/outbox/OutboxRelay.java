package io.incident.runtime.outbox;

import io.incident.runtime.tracing.EventSpans;
import io.incident.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed outbox rows to Kafka. A batch is locked, sent, acknowledged by the broker ({@code acks=all}) and
 * only then marked published, in one database transaction. If the process dies after sending and before the mark
 * commits, the rows are sent again on restart: delivery is at least once, and consumers deduplicate on the event id.
 *
 * <p>Each send is a PRODUCER span, child of the trace the row was written in (a new trace if it was written outside
 * one), and the record carries that span as {@code ce_traceparent}: the consumer's span becomes its child.
 */
public final class OutboxRelay {

    /** Told about every batch the broker acknowledged, before it is marked published. */
    @FunctionalInterface
    public interface SendListener {
        SendListener NONE = batch -> { };

        void sent(List<OutboxMessage> batch);
    }

    private final DataSource dataSource;
    private final OutboxStore store;
    private final Producer<String, String> producer;
    private final Clock clock;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Tracing tracing;
    private final SendListener listener;

    public OutboxRelay(DataSource dataSource, OutboxStore store, Producer<String, String> producer, Clock clock,
                       int batchSize, Duration sendTimeout, Tracing tracing, SendListener listener) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.store = Objects.requireNonNull(store);
        this.producer = Objects.requireNonNull(producer);
        this.clock = Objects.requireNonNull(clock);
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.tracing = Objects.requireNonNull(tracing);
        this.listener = Objects.requireNonNull(listener);
    }

    /** Publishes at most one batch and returns how many events it published. */
    public int relayOnce() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (!store.tryLeadership(c)) {
                    c.rollback();
                    return 0;
                }
                List<OutboxMessage> batch = store.lockUnpublished(c, batchSize);
                if (!batch.isEmpty()) {
                    send(batch);
                    listener.sent(batch);
                    store.markPublished(c, batch, clock.instant());
                }
                c.commit();
                return batch.size();
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private void send(List<OutboxMessage> batch) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        try {
            for (OutboxMessage m : batch) {
                Span span = EventSpans.startSend(tracing, tracing.parentFromTraceparent(m.traceparent()), m.topic(),
                        m.key(), m.eventId(), m.type(), m.source(), m.subject());
                spans.add(span);
                Map<String, String> headers = new LinkedHashMap<>(m.headers());
                tracing.injectCloudEvent(span, headers);
                ProducerRecord<String, String> record = new ProducerRecord<>(m.topic(), m.key(), m.payload());
                headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception | Error e) {
            for (Span span : spans) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, "not acknowledged by the broker");
            }
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }
}
