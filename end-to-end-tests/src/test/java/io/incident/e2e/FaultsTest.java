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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Infrastructure faults on the whole running stack, with reports arriving throughout: a broker restart, a database
 * restart, a service frozen past its Kafka session. After recovery no accepted report is lost or applied twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stacks.start("incident-faults");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * A person reporting over REST every 50 ms, as in a busy hour; the accepted ones are incident ids. Each report
     * carries an Idempotency-Key, so one refused or cut off can be sent again without the risk of a second incident.
     */
    private static LoadReporter<UUID> reporter(String label) {
        return new LoadReporter<>("reporter", Duration.ofMillis(50), i -> sendReport(label, i),
                r -> UUID.fromString(r.path("incidentId")));
    }

    private static Response sendReport(String label, int i) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", label + " #" + i)
                .body(Map.of("title", label + " #" + i, "team", "payments"))
                .post(stack.url(Service.INTAKE) + "/reports");
    }

    @Test
    @Order(1)
    @DisplayName("broker restart while reports arrive: every accepted report reaches its document exactly once")
    void brokerRestart() throws Exception {
        LoadReporter<UUID> reporter = reporter("During a broker restart");
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
    @DisplayName("PostgreSQL restart while reports arrive: accepted reports survive; refusals are 503 problems, and each sent again with its Idempotency-Key is taken once")
    void databaseRestart() throws Exception {
        LoadReporter<UUID> reporter = reporter("During a database restart");
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
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(r.asString()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        // The reporter does what the 503 says: sends each refused report again, with its key. Every one is taken
        // now, and a report that was taken before gets its first answer again instead of a second incident.
        List<UUID> all = new ArrayList<>(reporter.accepted);
        for (int n : reporter.refusedNumbers) {
            Response retry = sendReport("During a database restart", n);
            assertThat(retry.statusCode()).as("a refused report sent again once the database is back").isEqualTo(202);
            all.add(UUID.fromString(retry.path("incidentId")));
        }
        Response replay = sendReport("During a database restart", 0);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(UUID.fromString(replay.path("incidentId"))).isEqualTo(reporter.accepted.get(0));
        assertThat(all).doesNotHaveDuplicates();
        assertEveryReportDocumentedOnce(all);
    }

    @Test
    @Order(3)
    @DisplayName("a consumer frozen (SIGSTOP) past its Kafka session catches up after SIGCONT and applies each report once")
    void frozenConsumer() throws Exception {
        stack.service(Service.DOCS).freeze();
        List<UUID> whileFrozen;
        LoadReporter<UUID> reporter = reporter("While docs is frozen");
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
        new Platform(stack).assertEveryReportDocumentedOnce(incidents);
    }
}
