package io.incident.commander.escalation;

import io.incident.events.CommanderPaged;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.commander.CommanderApi.freshTeam;
import static io.incident.commander.CommanderApi.kafka;
import static io.incident.commander.CommanderApi.now;
import static io.incident.commander.CommanderApi.ofType;
import static io.incident.commander.CommanderApi.reported;
import static io.incident.commander.CommanderApi.teamWithPolicy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latency from publishing an IncidentReported to the CommanderPaged record being produced (its Kafka timestamp),
 * through the real broker, inbox, database and outbox relay. Prints p50/p99; fails only when paging is so slow
 * that an acknowledge clock would be eaten into. A measurement, so not part of the normal build (surefire excludes
 * *Benchmark; PagingTest holds what R-ACK-2 asks of paging); run it with
 * {@code ./mvnw -o test -pl commander-service -Dtest=PagingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class PagingLatencyBenchmark {

    private static final int REPORTS = 100;

    @Test
    @DisplayName("benchmark: IncidentReported → CommanderPaged latency (p50/p99)")
    void latency() {
        String team = freshTeam();
        teamWithPolicy(team, team + "-ana", List.of(), null);
        Map<String, Long> publishedAt = new HashMap<>();
        for (int i = 0; i < REPORTS; i++) {
            UUID incident = UUID.randomUUID();
            var report = reported(incident, team, true, false, false, now());
            publishedAt.put(incident.toString(), System.currentTimeMillis());
            kafka.publish(report);
        }
        List<ConsumerRecord<String, String>> pages = kafka.read(Topics.LIFECYCLE,
                ofType(CommanderPaged.class).and(r -> publishedAt.containsKey(r.key())), REPORTS,
                Duration.ofSeconds(60));
        assertThat(pages).hasSize(REPORTS);
        List<Long> latencies = new ArrayList<>();
        for (ConsumerRecord<String, String> page : pages) {
            latencies.add(page.timestamp() - publishedAt.get(page.key()));
        }
        Collections.sort(latencies);
        long p50 = latencies.get(REPORTS / 2 - 1);
        long p99 = latencies.get((int) Math.ceil(REPORTS * 0.99) - 1);
        System.out.printf("IncidentReported -> CommanderPaged over %d reports: p50=%d ms p99=%d ms max=%d ms%n",
                REPORTS, p50, p99, latencies.get(REPORTS - 1));
        assertThat(p99).isLessThan(Duration.ofSeconds(30).toMillis());
    }
}
