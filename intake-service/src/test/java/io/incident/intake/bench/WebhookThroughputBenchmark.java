package io.incident.intake.bench;

import io.incident.testkit.Tokens;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.incident.intake.IntakeApi.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A short run of {@link WebhookLoadDriver} against this intake, beside the rate a bare Kafka producer reaches on
 * the same broker with records of the event's size: the cost of the outbox, the database and HTTP per event. Both
 * figures are printed; the assertions check that every accepted webhook became a report and reached the stream.
 * A measurement, so not part of the normal build (surefire excludes *Benchmark); run it with
 * {@code ./mvnw -o test -pl intake-service -Dtest=WebhookThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@TestProfile(WebhookThroughputBenchmark.Unthrottled.class)
class WebhookThroughputBenchmark {

    /** The driver measures intake, not the per-integration rate limit. */
    public static class Unthrottled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incident.intake.rate-limit.capacity", "100000000",
                    "incident.intake.rate-limit.refill-per-minute", "100000000");
        }
    }

    @TestHTTPResource("/")
    URI intake;

    @Test
    @DisplayName("benchmark: webhook events/s accepted by intake, beside the raw Kafka producer rate")
    void throughput() throws Exception {
        long start = System.nanoTime();
        WebhookLoadDriver.Result result = WebhookLoadDriver.run(intake, Duration.ofSeconds(5), 8,
                Tokens.token("load-driver", "admin"));
        System.out.println("Intake webhook load: " + result);
        assertThat(result.accepted()).isPositive();
        assertThat(result.refused()).isZero();
        assertThat(result.failed()).isZero();
        assertThat(query("select count(*) from report where dedup_key like ?", "bench-" + result.runId() + "-%")
                .get(0).get(0)).as("every 202 is a stored report").isEqualTo(result.accepted());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> (Long) query(
                "select count(*) from outbox_event where published_at is null").get(0).get(0) == 0L);
        double published = result.accepted() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("Intake to Kafka: %.0f events/s until the last accepted event was published%n",
                published);

        double raw = rawProducerRate(20_000);
        System.out.printf("Raw Kafka producer: %.0f records/s (20,000 records of 1 KB, acks=all)%n", raw);
        assertThat(raw).isPositive();
    }

    private static double rawProducerRate(int records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        String value = "x".repeat(1024);
        String topic = "bench.raw-producer";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "warm-up", value));
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }
}
