package io.incident.intake.alert;

import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.incident.intake.IntakeApi.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one place where two triggers can meet, driven step by step instead of hoping two requests overlap. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class AlertDedupRepositoryTest {

    @Inject
    AlertDedupRepository dedup;

    @Test
    @DisplayName("R-REP-5 a second trigger with a new key waits for the first to commit, then sees its incident")
    void secondClaimWaitsForTheFirst() throws Exception {
        UUID integration = UUID.fromString(IntakeApi.createPagerDuty("payments").id());
        String key = "claim-" + UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        CountDownLatch firstOpened = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<DedupRules.KeyState> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                DedupRules.KeyState state = dedup.claim(integration, key, Instant.now());
                dedup.open(integration, key, incident, Instant.now());
                firstOpened.countDown();
                assertThat(commitFirst.await(30, TimeUnit.SECONDS)).isTrue();
                return state;
            }));
            assertThat(firstOpened.await(30, TimeUnit.SECONDS)).isTrue();

            Future<DedupRules.KeyState> second = threads.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> dedup.claim(integration, key, Instant.now())));
            // PostgreSQL shows the second transaction blocked on the first one's row before it is let go.
            await().atMost(Duration.ofSeconds(20)).until(() -> !query("""
                    select pid from pg_stat_activity
                     where wait_event_type = 'Lock' and query like 'insert into alert_dedup%'""").isEmpty());
            assertThat(second).isNotDone();

            commitFirst.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(DedupRules.KeyState.NONE);
            DedupRules.KeyState seen = second.get(20, TimeUnit.SECONDS);
            assertThat(seen.openIncident()).isEqualTo(incident);
            assertThat(DedupRules.decide(EventAction.TRIGGER, seen).outcome()).isEqualTo(DedupRules.Outcome.ATTACH);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
    }
}
