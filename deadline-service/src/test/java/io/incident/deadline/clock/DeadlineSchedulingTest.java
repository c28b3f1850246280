package io.incident.deadline.clock;

import io.incident.deadline.ServiceUnderTest;
import io.incident.testkit.TestEvents;
import io.incident.events.CloudEventHeaders;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineScheduled;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** The ACKNOWLEDGE clock the deadline service starts for each reported incident. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class DeadlineSchedulingTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Predicate<ConsumerRecord<String, String>> SCHEDULED = r -> EventCatalog
            .of(DeadlineScheduled.class).type().equals(KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE));

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** Waits until the incident has at least one clock and returns the list as JSON. */
    private static JsonPath awaitDeadlines(UUID incident) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/incidents/" + incident + "/deadlines").then().statusCode(200).extract().response(),
                r -> !r.jsonPath().getList("$").isEmpty()).jsonPath();
    }

    /**
     * Reports an incident at {@code reportedAt}, before the service's now: the clock must run from the report, not
     * from when this service heard of it. Returns the one deadline the service shows.
     */
    private static JsonPath reportAndAwaitOneDeadline(UUID incident, boolean likely, Instant reportedAt) {
        kafka.publish(TestEvents.reported(incident, "Checkout returns 502", "checkout", Severity.SEV2, likely,
                reportedAt));
        JsonPath deadlines = awaitDeadlines(incident);
        assertThat(deadlines.getList("$")).hasSize(1);
        return deadlines;
    }

    private static DeadlineScheduled awaitScheduledEvent(UUID incident) {
        List<ConsumerRecord<String, String>> records = kafka.read(Topics.DEADLINES,
                KafkaTestClient.about(incident).and(SCHEDULED), 1, READ_TIMEOUT);
        assertThat(records).hasSize(1);
        assertThat(KafkaTestClient.headers(records.get(0))).containsEntry(CloudEventHeaders.SOURCE, "/deadline-service");
        return (DeadlineScheduled) EventCodec.decode(KafkaTestClient.headers(records.get(0)), records.get(0).value())
                .orElseThrow().data();
    }

    @Test
    @DisplayName("R-ACK-2 a likely incident gets one PENDING ACKNOWLEDGE deadline 5 minutes after it was reported")
    void likelyIncidentIsDueInFiveMinutes() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = ServiceUnderTest.now().minus(Duration.ofMinutes(2));
        JsonPath deadline = reportAndAwaitOneDeadline(incident, true, reportedAt);

        assertThat(deadline.getString("[0].kind")).isEqualTo("ACKNOWLEDGE");
        assertThat(deadline.getString("[0].status")).isEqualTo("PENDING");
        Instant dueAt = Instant.parse(deadline.getString("[0].dueAt"));
        assertThat(dueAt).isEqualTo(reportedAt.plus(Duration.ofMinutes(5)));
        assertThat(Instant.parse(deadline.getString("[0].startedAt"))).isEqualTo(reportedAt);
        assertThat(Instant.parse(deadline.getString("[0].warnAt"))).as("80 percent of the 5 minutes")
                .isEqualTo(reportedAt.plus(Duration.ofMinutes(4)));
        assertThat(deadline.getString("[0].warnedAt")).isNull();
        assertThat(deadline.getString("[0].breachedAt")).isNull();

        DeadlineScheduled event = awaitScheduledEvent(incident);
        assertThat(event.incidentId()).isEqualTo(incident);
        assertThat(event.deadlineId().toString()).isEqualTo(deadline.getString("[0].id"));
        assertThat(event.kind()).isEqualTo(DeadlineKind.ACKNOWLEDGE);
        assertThat(event.dueAt()).isEqualTo(dueAt);
    }

    @Test
    @DisplayName("R-ACK-2 a standard alert gets one PENDING ACKNOWLEDGE deadline 15 minutes after it was reported")
    void standardAlertIsDueInFifteenMinutes() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = ServiceUnderTest.now().minus(Duration.ofMinutes(3));
        JsonPath deadline = reportAndAwaitOneDeadline(incident, false, reportedAt);

        assertThat(deadline.getString("[0].kind")).isEqualTo("ACKNOWLEDGE");
        assertThat(deadline.getString("[0].status")).isEqualTo("PENDING");
        Instant dueAt = Instant.parse(deadline.getString("[0].dueAt"));
        assertThat(dueAt).isEqualTo(reportedAt.plus(Duration.ofMinutes(15)));

        DeadlineScheduled event = awaitScheduledEvent(incident);
        assertThat(event.deadlineId().toString()).isEqualTo(deadline.getString("[0].id"));
        assertThat(event.kind()).isEqualTo(DeadlineKind.ACKNOWLEDGE);
        assertThat(event.dueAt()).isEqualTo(dueAt);
    }

    @Test
    @DisplayName("R-ACK-2 a redelivered IncidentReported starts no second clock and publishes no second DeadlineScheduled")
    void redeliveryStartsNoSecondClock() {
        UUID incident = UUID.randomUUID();
        EventEnvelope reported = TestEvents.reported(incident, "Search is slow", "search", Severity.SEV3, true,
                ServiceUnderTest.now());
        kafka.publish(reported);
        String deadlineId = awaitDeadlines(incident).getString("[0].id");

        kafka.publish(reported);
        // Published after the redelivery on the same partitions: once its clock shows, the redelivery was handled,
        // and once its DeadlineScheduled is on incident.deadlines, anything the redelivery raised is before it.
        UUID later = TestEvents.incidentOnSamePartitions(incident, Topics.REPORTS, Topics.DEADLINES);
        kafka.publish(TestEvents.reported(later, "A later incident", "payments", Severity.SEV2,
                ServiceUnderTest.now()));
        awaitDeadlines(later);

        JsonPath deadlines = given().get("/incidents/" + incident + "/deadlines").then().statusCode(200)
                .extract().jsonPath();
        assertThat(deadlines.getList("id", String.class)).containsExactly(deadlineId);

        List<ConsumerRecord<String, String>> records = kafka.read(Topics.DEADLINES,
                KafkaTestClient.about(incident).or(KafkaTestClient.about(later).and(SCHEDULED)), 2, READ_TIMEOUT);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).key()).isEqualTo(incident.toString());
        assertThat(records.get(1).key()).as("nothing more about the incident before the later one's clock")
                .isEqualTo(later.toString());
    }

    @Test
    @DisplayName("an incident without clocks has an empty list; an id that is not a UUID gets problem JSON")
    void noClocks() {
        given().get("/incidents/" + UUID.randomUUID() + "/deadlines").then().statusCode(200)
                .contentType(ContentType.JSON).body("$", empty());
        given().get("/incidents/not-a-uuid/deadlines").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid incident id"))
                .body("detail", containsString("'not-a-uuid' is not an incident id"));
    }

    @Test
    @DisplayName("R-ACK-2 the dashboard lists the running ACKNOWLEDGE clock")
    void dashboard() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = ServiceUnderTest.now();
        kafka.publish(TestEvents.reported(incident, "Dashboard check", "web", Severity.SEV3, true, reportedAt));
        awaitDeadlines(incident);

        Instant due = reportedAt.plus(Duration.ofMinutes(5));
        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<code>" + incident + "</code>"))
                .body(containsString(due.toString()))
                .body(containsString("ACKNOWLEDGE"))
                .body(containsString("data-due=\"" + due.toEpochMilli() + "\""))
                .body(containsString("setInterval(tick, 1000)"));
    }

    @Test
    @DisplayName("health, Prometheus metrics and OpenAPI are served")
    void operability() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("incident_outbox_published"))
                .body(containsString("incident_deadlines_fired_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/incidents/{incidentId}/deadlines"));
    }
}
