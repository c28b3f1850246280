package io.incident.testkit;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Events as intake publishes them, and a way to order a check after a record that has no visible effect. */
public final class TestEvents {

    public static final String INTAKE = "/intake-service";

    private TestEvents() {
    }

    /** Now, at the precision PostgreSQL keeps, so what goes in compares equal to what comes back. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static EventEnvelope reported(UUID incident, String title, String team, Severity severity, boolean likely,
                                  Instant at) {
        return EventEnvelope.wrap(new IncidentReported(incident, UUID.randomUUID(), team, title,
                "Seen by a test", likely ? ReportChannel.REST : ReportChannel.ALERTMANAGER, severity, likely, false,
                false, null, "reporter-ref-1", List.of(), List.of(), at), INTAKE, at);
    }

    public static EventEnvelope reported(UUID incident, String title, String team, Severity severity, Instant at) {
        return reported(incident, title, team, severity, true, at);
    }

    public static EventEnvelope reported(UUID incident, String title) {
        return reported(incident, title, "payments", Severity.SEV2, now());
    }

    public static EventEnvelope attached(UUID incident, String title) {
        Instant at = now();
        return EventEnvelope.wrap(new ReportAttached(incident, UUID.randomUUID(), ReportChannel.EMAIL, title,
                "reporter-ref-2", at), INTAKE, at);
    }

    /**
     * A fresh incident id whose records land on the same partition as {@code incident}'s on every one of
     * {@code topics}. Kafka keeps order only within a partition, so once the service has visibly handled a record
     * about the returned incident, it has handled every record published before it about {@code incident}: that
     * proves a record had no effect without sleeping.
     */
    public static UUID incidentOnSamePartitions(UUID incident, String... topics) {
        try (KafkaConsumer<String, String> metadata = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            int[] partitions = new int[topics.length];
            for (int t = 0; t < topics.length; t++) {
                String topic = topics[t];
                // A topic nobody has written to yet is created on first use; wait until it has partitions.
                partitions[t] = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> metadata.partitionsFor(topic, Duration.ofSeconds(5)).size(), n -> n > 0);
            }
            while (true) {
                UUID candidate = UUID.randomUUID();
                boolean same = true;
                for (int p : partitions) {
                    same &= partition(candidate, p) == partition(incident, p);
                }
                if (same) {
                    return candidate;
                }
            }
        }
    }

    /** What Kafka's default partitioner does with a key. */
    private static int partition(UUID key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
