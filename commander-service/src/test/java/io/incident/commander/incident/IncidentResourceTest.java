package io.incident.commander.incident;

import io.incident.testkit.TestEvents;
import io.incident.events.EventEnvelope;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The incident aggregate as the commander opens it from incident.reports, and how it reads over HTTP. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class IncidentResourceTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** Waits until the commander knows the incident and {@code until} holds, and returns it as JSON. */
    private static JsonPath awaitIncident(UUID incident, Predicate<JsonPath> until) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/incidents/" + incident).then().extract().response(),
                r -> r.statusCode() == 200 && until.test(r.jsonPath())).jsonPath();
    }

    private static JsonPath awaitReportCount(UUID incident, int count) {
        return awaitIncident(incident, j -> j.getInt("reportCount") == count);
    }

    /** Publishes a report of a fresh incident on the same partition, and waits until the commander has it. */
    private static void awaitEverythingBefore(UUID incident) {
        UUID later = TestEvents.incidentOnSamePartitions(incident, Topics.REPORTS);
        kafka.publish(TestEvents.reported(later, "A later incident"));
        awaitReportCount(later, 1);
    }

    @Test
    @DisplayName("R-REP-5 an IncidentReported opens the incident in state REPORTED with its team and severity")
    void reportOpensIncident() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = TestEvents.now().minusSeconds(90);
        kafka.publish(TestEvents.reported(incident, "Checkout returns 502", "checkout", Severity.SEV1, reportedAt));

        JsonPath json = awaitIncident(incident, j -> true);
        assertThat(json.getString("id")).isEqualTo(incident.toString());
        assertThat(json.getString("state")).isEqualTo("REPORTED");
        assertThat(json.getString("team")).isEqualTo("checkout");
        assertThat(json.getString("title")).isEqualTo("Checkout returns 502");
        assertThat(json.getString("severity")).isEqualTo("SEV1");
        assertThat(json.getBoolean("security")).isFalse();
        assertThat(json.getInt("reportCount")).isEqualTo(1);
        assertThat(Instant.parse(json.getString("reportedAt"))).isEqualTo(reportedAt);
    }

    @Test
    @DisplayName("a redelivered IncidentReported neither opens the incident again nor resets it")
    void redeliveredReportIsIgnored() {
        UUID incident = UUID.randomUUID();
        EventEnvelope reported = TestEvents.reported(incident, "Search is slow");
        kafka.publish(reported);
        awaitReportCount(incident, 1);
        kafka.publish(TestEvents.attached(incident, "Search slow for me too"));
        awaitReportCount(incident, 2);

        kafka.publish(reported);
        awaitEverythingBefore(incident);

        given().get("/incidents/" + incident).then().statusCode(200)
                .body("state", equalTo("REPORTED"))
                .body("title", equalTo("Search is slow"))
                .body("reportCount", equalTo(2));
    }

    @Test
    @DisplayName("R-REP-5 each further report attached to the incident is counted once, even when redelivered")
    void attachedReportsAreCountedOnce() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Payments queue backs up"));
        awaitReportCount(incident, 1);

        EventEnvelope attached = TestEvents.attached(incident, "Re: payments stuck?");
        kafka.publish(attached);
        JsonPath json = awaitReportCount(incident, 2);
        assertThat(json.getString("state")).isEqualTo("REPORTED");

        kafka.publish(attached);
        awaitEverythingBefore(incident);

        given().get("/incidents/" + incident).then().statusCode(200)
                .body("reportCount", equalTo(2));
    }

    @Test
    @DisplayName("an incident the commander has not seen is a 404 problem JSON")
    void unknownIncident() {
        UUID unknown = UUID.randomUUID();
        given().get("/incidents/" + unknown).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("No such incident"))
                .body("detail", containsString(unknown.toString()));
        given().get("/incidents/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @DisplayName("the dashboard lists the incident waiting for a commander, with its title escaped")
    void dashboard() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Dashboard <check> " + incident, "web", Severity.SEV3,
                TestEvents.now()));
        awaitReportCount(incident, 1);

        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("Dashboard &lt;check&gt; " + incident))
                .body(containsString("<code>" + incident + "</code>"));
    }

    @Test
    @DisplayName("health, Prometheus metrics and OpenAPI are served")
    void operability() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("incident_outbox_published"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/incidents/{id}"));
    }
}
