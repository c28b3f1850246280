package io.incident.deadline.firing;

import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineMet;
import io.incident.events.DeadlineScheduled;
import io.incident.events.DeadlineWarned;
import io.incident.events.EventCatalog;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.incident.deadline.ServiceUnderTest.TIMEOUT;
import static io.incident.deadline.ServiceUnderTest.acknowledged;
import static io.incident.deadline.ServiceUnderTest.advance;
import static io.incident.deadline.ServiceUnderTest.awaitDeadlines;
import static io.incident.deadline.ServiceUnderTest.database;
import static io.incident.deadline.ServiceUnderTest.decode;
import static io.incident.deadline.ServiceUnderTest.deadlines;
import static io.incident.deadline.ServiceUnderTest.now;
import static io.incident.deadline.ServiceUnderTest.ofType;
import static io.incident.deadline.ServiceUnderTest.reported;
import static io.incident.deadline.ServiceUnderTest.types;
import static io.incident.testkit.KafkaTestClient.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Clocks that run out: warnings, breaches, and that each is published exactly once, however many loops run. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class DeadlineFiringTest {

    private static final String BREACHED = EventCatalog.of(DeadlineBreached.class).type();
    private static final String WARNED = EventCatalog.of(DeadlineWarned.class).type();

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DeadlineFiring firing;
    @Inject
    Clock clock;

    @Test
    @DisplayName("R-ACK-2 an acknowledge clock that runs out warns once at 4 minutes and breaches once at 5")
    void warnsThenBreachesOnce() throws Exception {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = now();
        kafka.publish(reported(incident, Severity.SEV2, true, false, reportedAt));
        awaitDeadlines(incident, d -> d.getList("$").size() == 1);

        advance(Duration.ofMinutes(4));
        List<ConsumerRecord<String, String>> warned = kafka.read(Topics.DEADLINES,
                about(incident).and(ofType(DeadlineWarned.class)), 1, TIMEOUT);
        assertThat(warned).hasSize(1);
        DeadlineWarned warning = decode(warned.get(0));
        assertThat(warning.kind()).isEqualTo(DeadlineKind.ACKNOWLEDGE);
        assertThat(warning.dueAt()).isEqualTo(reportedAt.plus(Duration.ofMinutes(5)));
        assertThat(warning.warnedAt()).isBetween(reportedAt.plus(Duration.ofMinutes(4)), warning.dueAt());
        JsonPath clocks = deadlines(incident);
        assertThat(clocks.getString("[0].status")).isEqualTo("PENDING");
        assertThat(Instant.parse(clocks.getString("[0].warnedAt"))).isEqualTo(warning.warnedAt());

        advance(Duration.ofMinutes(1));
        List<ConsumerRecord<String, String>> breached = kafka.read(Topics.DEADLINES,
                about(incident).and(ofType(DeadlineBreached.class)), 1, TIMEOUT);
        assertThat(breached).hasSize(1);
        DeadlineBreached breach = decode(breached.get(0));
        assertThat(breach.deadlineId()).isEqualTo(warning.deadlineId());
        assertThat(breach.breachedAt()).isAfterOrEqualTo(breach.dueAt());
        clocks = deadlines(incident);
        assertThat(clocks.getString("[0].status")).isEqualTo("BREACHED");
        assertThat(Instant.parse(clocks.getString("[0].breachedAt"))).isEqualTo(breach.breachedAt());

        // Much later, a clock on the same partitions breaches: the loop has looked again since, and fires in order
        // of due time, so anything more about the first incident would be on the topic before it.
        advance(Duration.ofMinutes(10));
        UUID later = TestEvents.incidentOnSamePartitions(incident, Topics.REPORTS, Topics.DEADLINES);
        kafka.publish(reported(later, Severity.SEV2, true, false, now().minus(Duration.ofMinutes(6))));
        List<ConsumerRecord<String, String>> records = kafka.read(Topics.DEADLINES,
                about(incident).or(about(later).and(ofType(DeadlineBreached.class))), 4, TIMEOUT);
        assertThat(types(records)).containsExactly(EventCatalog.of(DeadlineScheduled.class).type(), WARNED, BREACHED,
                BREACHED);
        assertThat(records.get(3).key()).isEqualTo(later.toString());
        assertThat(outboxCount(incident, BREACHED)).isEqualTo(1);
        assertThat(outboxCount(incident, WARNED)).isEqualTo(1);
    }

    @Test
    @DisplayName("R-ACK-2 an acknowledged incident's clock is met and does not breach when its due time passes")
    void acknowledgedIsMet() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = now();
        kafka.publish(reported(incident, Severity.SEV3, true, false, reportedAt));
        awaitDeadlines(incident, d -> d.getList("$").size() == 1);

        Instant acknowledgedAt = now();
        kafka.publish(acknowledged(incident, acknowledgedAt));
        List<ConsumerRecord<String, String>> met = kafka.read(Topics.DEADLINES,
                about(incident).and(ofType(DeadlineMet.class)), 1, TIMEOUT);
        assertThat(met).hasSize(1);
        DeadlineMet event = decode(met.get(0));
        assertThat(event.kind()).isEqualTo(DeadlineKind.ACKNOWLEDGE);
        assertThat(event.metAt()).isEqualTo(acknowledgedAt);
        JsonPath clocks = deadlines(incident);
        assertThat(clocks.getString("find { it.kind == 'ACKNOWLEDGE' }.status")).isEqualTo("MET");
        assertThat(clocks.getString("find { it.kind == 'ACKNOWLEDGE' }.metAt")).isEqualTo(acknowledgedAt.toString());

        // Past the acknowledge due time (and its warning), but not yet that of any clock the acknowledgement started.
        advance(Duration.ofMinutes(6));
        // A clock due just after the met one, on the same partitions, breaches: the loop has passed the met clock's
        // due time, and fires in order of due time, so a warning or breach of it would be on the topic first.
        UUID later = TestEvents.incidentOnSamePartitions(incident, Topics.REPORTS, Topics.DEADLINES);
        kafka.publish(reported(later, Severity.SEV3, true, false, reportedAt.plusMillis(1)));
        List<ConsumerRecord<String, String>> first = kafka.read(Topics.DEADLINES,
                about(incident).and(ofType(DeadlineBreached.class).or(ofType(DeadlineWarned.class)))
                        .or(about(later).and(ofType(DeadlineBreached.class))), 1, TIMEOUT);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).key()).isEqualTo(later.toString());
        assertThat(deadlines(incident).getString("find { it.kind == 'ACKNOWLEDGE' }.status")).isEqualTo("MET");
    }

    @Test
    @DisplayName("R-ACK-2 two firing loops and four claimers at once breach each of 300 due clocks exactly once")
    void concurrentLoopsFireOnce() throws Exception {
        Instant now = clock.instant();
        List<UUID> ids = insertDueClocks(300, now.minus(Duration.ofMinutes(30)));

        // The service's own loop runs too: three kinds of claimer race over the same rows.
        FiringLoop second = new FiringLoop(firing, new FiringSignal(), clock, 7, Duration.ofHours(1), "second-loop");
        int claimers = 4;
        CyclicBarrier go = new CyclicBarrier(claimers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        List<Future<List<UUID>>> claimed = new ArrayList<>();
        try {
            for (int i = 0; i < claimers; i++) {
                claimed.add(pool.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    List<UUID> mine = new ArrayList<>();
                    List<DeadlineFiring.Fired> batch;
                    do {
                        batch = QuarkusTransaction.requiringNew().call(() -> firing.fire(10));
                        batch.forEach(f -> mine.add(f.deadlineId()));
                    } while (!batch.isEmpty());
                    return mine;
                }));
            }
            go.await(10, TimeUnit.SECONDS);
            second.start();
            await().atMost(TIMEOUT).until(() -> pending(ids) == 0);
        } finally {
            second.stop();
            pool.shutdown();
        }

        List<UUID> byClaimers = new ArrayList<>();
        int claimersThatFired = 0;
        for (Future<List<UUID>> f : claimed) {
            List<UUID> mine = f.get(10, TimeUnit.SECONDS);
            byClaimers.addAll(mine);
            claimersThatFired += mine.stream().anyMatch(ids::contains) ? 1 : 0;
        }
        assertThat(byClaimers).as("no clock claimed twice").doesNotHaveDuplicates();
        assertThat(claimersThatFired).as("the claimers really raced").isGreaterThan(1);
        Map<UUID, Integer> breaches = breachesByDeadline(ids);
        assertThat(breaches).hasSize(ids.size());
        assertThat(breaches.values()).containsOnly(1);
        assertThat(statuses(ids)).containsOnly("BREACHED");
    }

    @Test
    @DisplayName("R-ACK-2 a claim skips clocks another loop holds instead of waiting, and never fires them")
    void skipsLockedClocks() throws Exception {
        // The service's own loop may take the clocks between their insert and the holder's claim (it wakes every
        // 2 s for clocks other instances started); then there is nothing to hold, and the test tries again.
        for (int attempt = 1; attempt <= 5; attempt++) {
            if (holdAndClaimBeside()) {
                return;
            }
        }
        throw new AssertionError("the service's loop took the clocks before the holder five times");
    }

    /** False if the holder found none of its clocks left to claim. */
    private boolean holdAndClaimBeside() throws Exception {
        // Due long ago, so they are the first any claim takes.
        List<UUID> ids = insertDueClocks(3, clock.instant().minus(Duration.ofDays(30)));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<List<UUID>> held = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                held.set(firing.fire(3).stream().map(DeadlineFiring.Fired::deadlineId).toList());
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            if (held.get().stream().noneMatch(ids::contains)) {
                release.countDown();
                holder.get(10, TimeUnit.SECONDS);
                return false;
            }

            // Would block until the holder commits if the claim waited on locked rows.
            List<UUID> other = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> firing.fire(50)))
                    .get(10, TimeUnit.SECONDS).stream().map(DeadlineFiring.Fired::deadlineId).toList();
            assertThat(other).doesNotContainAnyElementsOf(held.get());

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdown();
        }
        await().atMost(TIMEOUT).until(() -> pending(ids) == 0);
        assertThat(breachesByDeadline(ids).values()).hasSize(3).containsOnly(1);
        return true;
    }

    @Test
    @DisplayName("R-ACK-2 clocks that fell due while no loop ran breach once as a loop starts, without a late warning")
    void overdueFireOnStart() throws Exception {
        // As if the service had been down for three hours: one clock still owed its warning, one had none.
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>();
        ids.addAll(insertDueClocks(1, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(3)).minusSeconds(60)));
        ids.addAll(insertDueClocks(1, now.minus(Duration.ofHours(2)), null));

        FiringLoop restarted = new FiringLoop(firing, new FiringSignal(), clock, 100, Duration.ofHours(1), "restarted");
        restarted.start();
        try {
            await().atMost(TIMEOUT).until(() -> pending(ids) == 0);
        } finally {
            restarted.stop();
        }
        assertThat(statuses(ids)).containsOnly("BREACHED");
        assertThat(breachesByDeadline(ids).values()).hasSize(2).containsOnly(1);
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from outbox_event where event_type = ? and (payload::jsonb ->> 'deadlineId')::uuid = any (?)""")) {
            ps.setString(1, WARNED);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("no warning after the due time").isZero();
            }
        }
    }

    /** Running ACKNOWLEDGE clocks of fresh incidents, written straight to the table as another instance would. */
    private static List<UUID> insertDueClocks(int n, Instant dueAt) throws SQLException {
        return insertDueClocks(n, dueAt, null);
    }

    private static List<UUID> insertDueClocks(int n, Instant dueAt, Instant warnAt) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement("""
                insert into deadline (id, incident_id, kind, started_at, warn_at, due_at, status, created_at)
                values (?, ?, 'ACKNOWLEDGE', ?, ?, ?, 'PENDING', ?)""")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                Instant due = dueAt.minusMillis(i);
                ps.setObject(1, id);
                ps.setObject(2, UUID.randomUUID());
                ps.setTimestamp(3, Timestamp.from(due.minus(Duration.ofMinutes(5))));
                ps.setTimestamp(4, warnAt == null ? null : Timestamp.from(warnAt));
                ps.setTimestamp(5, Timestamp.from(due));
                ps.setTimestamp(6, Timestamp.from(due.minus(Duration.ofMinutes(5))));
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        }
        return ids;
    }

    private static int pending(List<UUID> ids) throws SQLException {
        return statuses(ids).stream().filter("PENDING"::equals).toList().size();
    }

    private static List<String> statuses(List<UUID> ids) throws SQLException {
        try (Connection c = database();
             PreparedStatement ps = c.prepareStatement("select status from deadline where id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** How many DeadlineBreached events the outbox holds for each of the clocks. */
    private static Map<UUID, Integer> breachesByDeadline(List<UUID> ids) throws SQLException {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement("""
                select (payload::jsonb ->> 'deadlineId')::uuid, count(*) from outbox_event
                 where event_type = ? and (payload::jsonb ->> 'deadlineId')::uuid = any (?)
                 group by 1""")) {
            ps.setString(1, BREACHED);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            Map<UUID, Integer> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
            return Collections.unmodifiableMap(out);
        }
    }

    private static int outboxCount(UUID incident, String type) throws SQLException {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from outbox_event where subject = ? and event_type = ?")) {
            ps.setObject(1, incident);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
