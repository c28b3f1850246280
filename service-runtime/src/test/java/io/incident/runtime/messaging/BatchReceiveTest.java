package io.incident.runtime.messaging;

import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.runtime.lock.IncidentLocks;
import io.incident.runtime.outbox.Outbox;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched path of {@link EventReceiver} against the test kit's PostgreSQL and Kafka: a batch shares one
 * transaction, redeliveries are skipped, and an event that cannot be applied costs the others nothing.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class BatchReceiveTest {

    private static final String CHANNEL = "batch-receive-test";

    @Inject
    EventReceiver receiver;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Inject
    IncidentLocks locks;

    private final AtomicLong offsets = new AtomicLong();

    @Test
    @DisplayName("a batch is applied in one transaction, and events already applied are skipped")
    void oneTransactionPerBatch() throws SQLException {
        String consumer = "batch-" + UUID.randomUUID();
        EventEnvelope first = TestEvents.reported(UUID.randomUUID(), "First of a batch");
        EventEnvelope second = TestEvents.reported(UUID.randomUUID(), "Second of a batch");
        EventEnvelope third = TestEvents.reported(UUID.randomUUID(), "Third, in the next batch");
        Map<UUID, Long> transactionOf = new ConcurrentHashMap<>();
        Consumer<EventEnvelope> handler = envelope -> {
            transactionOf.merge(envelope.id(), currentTransaction(), (a, b) -> -1L);
            outbox.publish(TestEvents.attached(envelope.subject(), "Raised by the handler").data());
        };

        assertThat(receiver.receiveBatch(List.of(record(first), record(second)), CHANNEL, consumer, handler))
                .isEqualTo(2);
        assertThat(transactionOf.get(first.id())).isPositive().isEqualTo(transactionOf.get(second.id()));

        // The relay sends at least once: the same events come again, with a duplicate inside the batch itself.
        assertThat(receiver.receiveBatch(List.of(record(first), record(third), record(third), record(second)),
                CHANNEL, consumer, handler)).isEqualTo(1);
        assertThat(transactionOf.get(third.id())).isPositive().isNotEqualTo(transactionOf.get(first.id()));
        assertThat(transactionOf).as("each handled once").doesNotContainValue(-1L);
        for (EventEnvelope e : List.of(first, second, third)) {
            assertThat(outboxRows(e.subject())).as("one effect per event").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("two consumers' batches that share incidents in opposite orders wait for each other, never deadlock")
    void overlappingBatchesDoNotDeadlock() throws Exception {
        List<UUID> incidents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<ConsumerRecord<String, String>> forwards = new ArrayList<>();
        List<ConsumerRecord<String, String>> backwards = new ArrayList<>();
        for (UUID incident : incidents) {
            forwards.add(record(TestEvents.reported(incident, "Seen by the first consumer")));
        }
        for (UUID incident : reversed(incidents)) {
            backwards.add(record(TestEvents.attached(incident, "Seen by the second consumer")));
        }
        Map<UUID, Long> transactionOf = new ConcurrentHashMap<>();
        // Each handler serialises on its incident, as the services' handlers do, and takes its time: two batches
        // that took these locks one by one, in opposite orders, would each hold what the other waits for.
        Consumer<EventEnvelope> handler = envelope -> {
            locks.lock(envelope.subject());
            transactionOf.put(envelope.id(), currentTransaction());
            sleep(50);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> receiver.receiveBatch(forwards, CHANNEL, "first-" + UUID.randomUUID(),
                    handler));
            Future<Integer> second = pool.submit(() -> receiver.receiveBatch(backwards, CHANNEL,
                    "second-" + UUID.randomUUID(), handler));
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(transactionOf.values().stream().distinct().count())
                .as("each batch committed in one transaction of its own, none fell back to one event at a time")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("an event that keeps failing is dead-lettered alone; the others of its batch are applied once")
    void badEventDoesNotBlockOrDoubleTheOthers() throws SQLException {
        String consumer = "batch-" + UUID.randomUUID();
        EventEnvelope before = TestEvents.reported(UUID.randomUUID(), "Before the bad one");
        EventEnvelope bad = TestEvents.reported(UUID.randomUUID(), "The handler refuses this one");
        EventEnvelope after = TestEvents.reported(UUID.randomUUID(), "After the bad one");
        ConsumerRecord<String, String> badRecord = record(bad);
        Consumer<EventEnvelope> handler = envelope -> {
            outbox.publish(TestEvents.attached(envelope.subject(), "Raised by the handler").data());
            if (envelope.id().equals(bad.id())) {
                throw new IllegalArgumentException("refused on purpose");
            }
        };

        int applied = receiver.receiveBatch(List.of(record(before), badRecord, record(after)), CHANNEL, consumer,
                handler);

        assertThat(applied).isEqualTo(2);
        assertThat(outboxRows(before.subject())).as("applied once, although its batch was rolled back").isEqualTo(1);
        assertThat(outboxRows(after.subject())).isEqualTo(1);
        assertThat(outboxRows(bad.subject())).as("the bad event's effect rolled back").isZero();
        assertThat(inboxed(consumer)).containsExactlyInAnyOrder(before.id(), after.id());

        List<ConsumerRecord<String, String>> letters = KafkaTestClient.shared().read("dead-letter-topic-" + CHANNEL,
                r -> bad.subject().toString().equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        Map<String, String> headers = KafkaTestClient.headers(letters.get(0));
        assertThat(headers).containsEntry("dead-letter-reason", "refused on purpose")
                .containsEntry("dead-letter-topic", badRecord.topic())
                .containsEntry("dead-letter-offset", Long.toString(badRecord.offset()))
                .containsEntry("ce_id", bad.id().toString());
        assertThat(letters.get(0).value()).isEqualTo(badRecord.value());
    }

    @Test
    @DisplayName("a record that breaks the contract is dead-lettered; the rest of the batch is applied")
    void malformedRecordIsDeadLettered() throws SQLException {
        String consumer = "batch-" + UUID.randomUUID();
        EventEnvelope good = TestEvents.reported(UUID.randomUUID(), "Good one");
        UUID brokenKey = UUID.randomUUID();
        ConsumerRecord<String, String> broken = new ConsumerRecord<>("incident.reports", 0,
                offsets.incrementAndGet(), brokenKey.toString(), "{not json");
        broken.headers().add("ce_type", "io.incident.reported.v1".getBytes(StandardCharsets.UTF_8));

        int applied = receiver.receiveBatch(List.of(broken, record(good)), CHANNEL, consumer,
                envelope -> outbox.publish(TestEvents.attached(envelope.subject(), "Raised").data()));

        assertThat(applied).isEqualTo(1);
        assertThat(inboxed(consumer)).containsExactly(good.id());
        assertThat(KafkaTestClient.shared().read("dead-letter-topic-" + CHANNEL,
                r -> brokenKey.toString().equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, String> record(EventEnvelope envelope) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(envelope.topic(), 0, offsets.incrementAndGet(),
                envelope.key(), EventCodec.toJson(envelope.data()));
        envelope.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private long currentTransaction() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select txid_current()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int outboxRows(UUID subject) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where subject = ?")) {
            ps.setObject(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<UUID> inboxed(String consumer) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select event_id from inbox_event where consumer = ?")) {
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }
}
