package io.incident.runtime.outbox;

import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.local.EmbeddedDatabase;
import io.incident.runtime.inbox.InboxStore;
import io.incident.runtime.tracing.CloudEventTraceHeaders;
import io.incident.runtime.tracing.Tracing;
import io.incident.testkit.TestInfrastructure;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox and inbox against real PostgreSQL and Kafka, including a relay that dies mid-batch. */
class OutboxRelayTest {

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final OutboxStore outbox = new OutboxStore();
    private final InboxStore inbox = new InboxStore();
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void freshSchema() throws Exception {
        String schema = "relay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(infra.database().jdbcUrl() + "?currentSchema=" + schema);
        dataSource.setUser(EmbeddedDatabase.USER);
        dataSource.setPassword(infra.database().password());
        // Every runtime migration, as a service's Flyway applies them.
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/runtime").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table effect (event_id uuid primary key, applied_at timestamptz not null)");
        }
    }

    @Test
    @DisplayName("relay dies between send and mark: events are sent again and the consumer's effect happens once")
    void relayDiesBetweenSendAndMark() throws Exception {
        List<EventEnvelope> written = List.of(envelope(), envelope(), envelope());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outbox.appendAll(c, written);
            c.commit();
        }

        try (KafkaProducer<String, String> producer = producer()) {
            OutboxRelay dying = new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 100,
                    Duration.ofSeconds(10), Tracing.disabled(), batch -> {
                        throw new IllegalStateException("process killed after the broker acknowledged");
                    });
            assertThatThrownBy(dying::relayOnce).hasMessageContaining("process killed");
        }
        assertThat(unpublished()).as("the mark was rolled back with the crash").isEqualTo(3);

        try (KafkaProducer<String, String> producer = producer()) {
            OutboxRelay restarted = new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 100,
                    Duration.ofSeconds(10), Tracing.disabled(), OutboxRelay.SendListener.NONE);
            assertThat(restarted.relayOnce()).isEqualTo(3);
            assertThat(restarted.relayOnce()).isZero();
        }
        assertThat(unpublished()).isZero();

        Set<UUID> ids = new HashSet<>();
        written.forEach(e -> ids.add(e.id()));
        List<ConsumerRecord<String, String>> delivered = consumeCopies(ids, 6);
        assertThat(delivered).as("every event reached Kafka twice").hasSize(6);
        assertThat(delivered).allSatisfy(r -> assertThat(r.key()).isNotBlank());

        for (ConsumerRecord<String, String> record : delivered) {
            applyOnce(record);
        }
        assertThat(effects()).as("each event's effect happened exactly once").isEqualTo(3);
    }

    @Test
    @DisplayName("nothing is published from a transaction that rolled back")
    void rolledBackEventsAreNeverPublished() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outbox.append(c, envelope());
            c.rollback();
        }
        try (KafkaProducer<String, String> producer = producer()) {
            OutboxRelay relay = new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 100,
                    Duration.ofSeconds(10), Tracing.disabled(), OutboxRelay.SendListener.NONE);
            assertThat(relay.relayOnce()).isZero();
        }
    }

    @Test
    @DisplayName("events committed by another instance wake the leading relay at once, not at its next poll")
    void notifiedByOtherInstances() throws Exception {
        try (KafkaProducer<String, String> producer = producer();
             OutboxRelay leader = new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 100,
                     Duration.ofSeconds(10), Tracing.disabled(), OutboxRelay.SendListener.NONE)) {
            assertThat(leader.relayOnce()).isZero();
            assertThat(leader.leads()).isTrue();
            OutboxSignal local = new OutboxSignal();

            Thread otherInstance = new Thread(() -> {
                try (Connection c = dataSource.getConnection()) {
                    Thread.sleep(300);
                    c.setAutoCommit(false);
                    outbox.appendAll(c, List.of(envelope()));
                    outbox.notifyRelay(c);
                    outbox.notifyRelay(c);
                    c.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            otherInstance.start();
            leader.awaitWork(local, Duration.ofSeconds(30));
            long wokenAfter = (System.nanoTime() - start) / 1_000_000;
            otherInstance.join();
            assertThat(wokenAfter).as("woken by the commit (after 300 ms), not by the 30 s poll")
                    .isBetween(250L, 10_000L);
            assertThat(leader.relayOnce()).isEqualTo(1);

            // A transaction that rolls back notifies nobody.
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                outbox.appendAll(c, List.of(envelope()));
                outbox.notifyRelay(c);
                c.rollback();
            }
            start = System.nanoTime();
            leader.awaitWork(local, Duration.ofMillis(800));
            assertThat((System.nanoTime() - start) / 1_000_000).as("waited the whole timeout").isGreaterThanOrEqualTo(750L);

            // This process's own commits wake it through the signal.
            local.wake();
            start = System.nanoTime();
            leader.awaitWork(local, Duration.ofSeconds(30));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
        }
    }

    @Test
    @DisplayName("a second relay instance waits while the first leads, and takes over when the first is gone")
    void oneRelayAtATime() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            outbox.appendAll(c, List.of(envelope(), envelope()));
        }
        try (KafkaProducer<String, String> producer = producer();
             OutboxRelay first = new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 1,
                     Duration.ofSeconds(10), Tracing.disabled(), OutboxRelay.SendListener.NONE);
             OutboxRelay second = new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 1,
                     Duration.ofSeconds(10), Tracing.disabled(), OutboxRelay.SendListener.NONE)) {
            assertThat(first.relayOnce()).isEqualTo(1);
            assertThat(second.relayOnce()).as("the first still leads between batches").isZero();
            assertThat(unpublished()).isEqualTo(1);
            first.close();
            assertThat(second.relayOnce()).as("leadership passes once the first is gone").isEqualTo(1);
            assertThat(first.relayOnce()).as("and stays with the second").isZero();
        }
        assertThat(unpublished()).isZero();
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            assertThat(outbox.tryLeadership(a)).isTrue();
            assertThat(outbox.tryLeadership(b)).isFalse();
            a.close();
            // The server ends the session as soon as it reads the close, a moment after the client sent it.
            await("a leader's session that ends frees the lock").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox.tryLeadership(b));
        }
    }

    @Test
    @DisplayName("the relay sends the writer's trace on as ce_traceparent, naming a PRODUCER span in that trace")
    void relayCarriesTheTrace() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        EventEnvelope event = envelope();
        String writer;
        List<SpanData> finished;
        try (Tracing tracing = Tracing.create("relay-test", List.of(spans))) {
            Span request = tracing.startSpan("POST /reports", SpanKind.SERVER, Context.root());
            try (Tracing.ActiveSpan ignored = tracing.activate(request);
                 Connection c = dataSource.getConnection()) {
                writer = tracing.currentTraceparent().orElseThrow();
                outbox.appendAll(c, List.of(event), writer);
            } finally {
                request.end();
            }
            try (KafkaProducer<String, String> producer = producer()) {
                assertThat(new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 100,
                        Duration.ofSeconds(10), tracing, OutboxRelay.SendListener.NONE).relayOnce()).isEqualTo(1);
            }
            tracing.flush();
            // Read before closing: shutting the SDK down empties the in-memory exporter.
            finished = spans.getFinishedSpanItems();
        }
        String traceId = writer.split("-")[1];
        String writerSpanId = writer.split("-")[2];
        SpanData send = finished.stream().filter(s -> s.getKind() == SpanKind.PRODUCER)
                .findFirst().orElseThrow();
        assertThat(send.getName()).isEqualTo("send " + Topics.REPORTS);
        assertThat(send.getTraceId()).isEqualTo(traceId);
        assertThat(send.getParentSpanId()).as("child of the span that wrote the row").isEqualTo(writerSpanId);

        ConsumerRecord<String, String> record = consumeCopies(Set.of(event.id()), 1).get(0);
        assertThat(header(record, CloudEventTraceHeaders.TRACEPARENT))
                .as("the consumer's parent is the producer span")
                .matches("00-" + traceId + "-" + send.getSpanId() + "-0[13]");
    }

    @Test
    @DisplayName("with tracing off the relay sends no ce_traceparent, even for a row written while it was on")
    void tracingOffSendsNoTraceHeader() throws Exception {
        EventEnvelope event = envelope();
        try (Connection c = dataSource.getConnection()) {
            outbox.appendAll(c, List.of(event), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        }
        try (KafkaProducer<String, String> producer = producer()) {
            assertThat(new OutboxRelay(dataSource, outbox, producer, Clock.systemUTC(), 100, Duration.ofSeconds(10),
                    Tracing.disabled(), OutboxRelay.SendListener.NONE).relayOnce()).isEqualTo(1);
        }
        ConsumerRecord<String, String> record = consumeCopies(Set.of(event.id()), 1).get(0);
        assertThat(record.headers().lastHeader(CloudEventTraceHeaders.TRACEPARENT)).isNull();
        assertThat(header(record, "ce_id")).isEqualTo(event.id().toString());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The consumer side of the contract: the inbox row and the effect commit together. */
    private void applyOnce(ConsumerRecord<String, String> record) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        EventEnvelope envelope = EventCodec.decode(headers, record.value()).orElseThrow();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (inbox.tryRecord(c, envelope, "test-consumer", Instant.now())) {
                try (var ps = c.prepareStatement("insert into effect (event_id, applied_at) values (?, now())")) {
                    ps.setObject(1, envelope.id());
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private long unpublished() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return outbox.countUnpublished(c);
        }
    }

    private long effects() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from effect")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<ConsumerRecord<String, String>> consumeCopies(Set<UUID> ids, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.REPORTS));
            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (mine.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    String id = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                    if (ids.contains(UUID.fromString(id))) {
                        mine.add(r);
                    }
                }
            }
            return mine;
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static EventEnvelope envelope() {
        UUID incident = UUID.randomUUID();
        return EventEnvelope.wrap(new IncidentReported(incident, UUID.randomUUID(), "payments", "Checkout fails",
                "502 on /checkout", ReportChannel.REST, Severity.SEV2, true, false, false, null, null, List.of(),
                List.of(), Instant.parse("2026-03-01T09:15:00Z")), "/relay-test", Instant.now());
    }
}
