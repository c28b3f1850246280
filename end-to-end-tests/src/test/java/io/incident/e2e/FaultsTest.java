package io.incident.e2e;

import io.incident.local.Service;
import io.incident.local.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Infrastructure faults on the whole running stack, with reports arriving throughout: a broker restart, a database
 * restart, a service frozen past its Kafka session. After recovery no accepted report is lost or applied twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        stack = Stack.start(Stack.Options.ephemeral(root, Files.createTempDirectory("incident-faults")));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Sends reports one after another until stopped; remembers which were accepted and how others were refused. */
    private static final class Reporter implements AutoCloseable {
        final List<UUID> accepted = new CopyOnWriteArrayList<>();
        final List<Response> refused = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Reporter(String label) {
            thread = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    try {
                        Response r = given().contentType(ContentType.JSON)
                                .body(Map.of("title", label + " #" + i++, "team", "payments"))
                                .post(stack.url(Service.INTAKE) + "/reports");
                        if (r.statusCode() == 202) {
                            accepted.add(UUID.fromString(r.path("incidentId")));
                        } else {
                            refused.add(r);
                        }
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // The connection itself failed: nothing was promised, as with any refused request.
                    }
                }
            }, "reporter");
            thread.start();
        }

        /** Waits until {@code more} further reports are accepted: the stack takes reports again. */
        void awaitAccepted(int more) {
            int target = accepted.size() + more;
            await().atMost(RECOVERY).until(() -> accepted.size() >= target);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }

    @Test
    @Order(1)
    @DisplayName("broker restart while reports arrive: every accepted report reaches its document exactly once")
    void brokerRestart() throws Exception {
        Reporter reporter = new Reporter("During a broker restart");
        try (reporter) {
            reporter.awaitAccepted(5);
            stack.restartKafka(Duration.ofSeconds(2));
            reporter.awaitAccepted(5);
        }
        System.out.printf("broker restart: %d reports accepted, %d refused%n", reporter.accepted.size(),
                reporter.refused.size());
        assertEveryReportDocumentedOnce(reporter.accepted);
    }

    @Test
    @Order(2)
    @DisplayName("PostgreSQL restart while reports arrive: accepted reports survive; refusals are problems, not stack traces")
    void databaseRestart() throws Exception {
        Reporter reporter = new Reporter("During a database restart");
        try (reporter) {
            reporter.awaitAccepted(5);
            stack.restartDatabase(Duration.ofSeconds(2));
            reporter.awaitAccepted(5);
        }
        System.out.printf("database restart: %d reports accepted, %d refused with %s%n", reporter.accepted.size(),
                reporter.refused.size(), reporter.refused.stream().map(Response::statusCode).distinct().toList());
        for (Response r : reporter.refused) {
            assertThat(r.statusCode()).as("a refusal while the database is away says to retry").isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.asString()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertEveryReportDocumentedOnce(reporter.accepted);
    }

    @Test
    @Order(3)
    @DisplayName("a consumer frozen (SIGSTOP) past its Kafka session catches up after SIGCONT and applies each report once")
    void frozenConsumer() throws Exception {
        stack.service(Service.DOCS).freeze();
        List<UUID> whileFrozen;
        Reporter reporter = new Reporter("While docs is frozen");
        try {
            try (reporter) {
                // Past the 8-second session timeout: the broker gives the frozen member's partitions away.
                Thread.sleep(10_000);
            }
            whileFrozen = reporter.accepted;
        } finally {
            stack.service(Service.DOCS).thaw();
        }
        assertThat(whileFrozen).isNotEmpty();
        assertEveryReportDocumentedOnce(whileFrozen);
    }

    private static void assertEveryReportDocumentedOnce(List<UUID> incidents) {
        for (UUID incident : incidents) {
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
                    .until(() -> document(incident).statusCode() == 200);
            List<Object> reported = document(incident).jsonPath().getList("timeline.findAll { it.kind == 'reported' }");
            assertThat(reported).as("incident %s has one 'reported' entry", incident).hasSize(1);
        }
    }

    private static Response document(UUID incident) {
        return given().accept(ContentType.JSON).get(stack.url(Service.DOCS) + "/incidents/" + incident + "/document");
    }
}
