package io.incident.runtime.outbox;

import io.incident.runtime.tracing.EventSpans;
import io.incident.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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
 * Moves committed outbox rows to Kafka. The relay that holds the schema's leadership (a session lock on a connection
 * it keeps) reads a batch, sends it, waits for the broker's acknowledgement ({@code acks=all}) and only then marks it
 * published. No transaction or row lock is held while the batch is on its way: only the leader touches these rows.
 * If the process dies after sending and before the mark commits, the rows are sent again by the next leader:
 * delivery is at least once, and consumers deduplicate on the event id. A relay whose batch fails resigns, so a
 * healthy instance can take over.
 *
 * <p>Each send is a PRODUCER span, child of the trace the row was written in (a new trace if it was written outside
 * one), and the record carries that span as {@code ce_traceparent}: the consumer's span becomes its child.
 */
public final class OutboxRelay implements AutoCloseable {

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
    /** How often a waiting leader looks for other instances' notifications; reading them costs no round trip. */
    static final Duration NOTIFY_CHECK = Duration.ofMillis(20);
    /** Only the relay's own thread touches it. */
    private Connection leader;

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

    /** Publishes at most one batch and returns how many events it published (0 when another relay leads). */
    public int relayOnce() throws Exception {
        try {
            Connection c = leadership();
            if (c == null) {
                return 0;
            }
            List<OutboxMessage> batch = store.unpublished(c, batchSize);
            if (!batch.isEmpty()) {
                send(batch);
                listener.sent(batch);
                store.markPublished(c, batch, clock.instant());
            }
            return batch.size();
        } catch (Exception | Error e) {
            resign();
            throw e;
        }
    }

    /** The connection this relay leads on, or null while another relay leads. */
    private Connection leadership() throws SQLException {
        if (leader != null) {
            return leader;
        }
        Connection c = dataSource.getConnection();
        boolean locked = false;
        try {
            c.setAutoCommit(true);
            locked = store.tryLeadership(c);
            if (locked) {
                store.listen(c);
                leader = c;
                return c;
            }
        } catch (SQLException | RuntimeException e) {
            if (locked) {
                // A pooled connection outlives close(): a lock left on it would keep every instance from leading.
                try {
                    store.releaseLeadership(c);
                } catch (SQLException | RuntimeException ignored) {
                    // A broken connection: its session, and the lock with it, is gone already.
                }
            }
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    /** Whether this relay led its schema at its last batch. */
    public boolean leads() {
        return leader != null;
    }

    /**
     * Waits for work: this process committed events ({@code signal}), another instance did (a notification on the
     * leader's connection), or {@code timeout} passed. The notifications are read without blocking between short
     * waits on the local signal, so either wakes the relay within {@link #NOTIFY_CHECK}.
     */
    public void awaitWork(OutboxSignal signal, Duration timeout) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PGConnection notifications = leader == null ? null : leader.unwrap(PGConnection.class);
        while (true) {
            if (notifications != null) {
                PGNotification[] heard = notifications.getNotifications();
                if (heard != null && heard.length > 0) {
                    return;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Duration slice = notifications == null ? Duration.ofNanos(left)
                    : Duration.ofNanos(Math.min(left, NOTIFY_CHECK.toNanos()));
            if (signal.await(slice)) {
                return;
            }
        }
    }

    /** Gives leadership up. A pooled connection outlives close(), so the lock is released first. */
    private void resign() {
        Connection c = leader;
        leader = null;
        if (c == null) {
            return;
        }
        try {
            store.releaseLeadership(c);
        } catch (SQLException | RuntimeException ignored) {
            // A broken connection: its session, and the lock with it, is gone already.
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // Nothing more to release.
        }
    }

    @Override
    public void close() {
        resign();
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
