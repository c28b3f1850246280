package io.incident.intake.lifecycle;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.Severity;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.incident.intake.IntakeApi.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** incident.lifecycle from the commander, consumed for real: the ends of incidents free their dedup keys. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class IncidentEndingsTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static void trigger(IntakeApi.Created generic, String key) {
        given().contentType(ContentType.JSON).body("{\"dedupKey\":\"" + key + "\",\"title\":\"Order queue depth "
                + "over 10k\"}").post("/webhooks/generic/" + generic.key()).then().statusCode(202);
    }

    private static List<UUID> incidentsOf(String key) {
        return IntakeApi.reportEvents(kafka, e -> e instanceof IncidentReported r && key.equals(r.dedupKey()), 1)
                .stream().map(IncidentEvent::incidentId).toList();
    }

    private static void awaitReleased(UUID integration, String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> query(
                "select incident_id from alert_dedup where integration_id = ? and dedup_key = ?", integration, key)
                .get(0).get(0) == null);
    }

    @Test
    @DisplayName("R-REP-5 once the incident is resolved by people, a new trigger with the same key opens a new incident")
    void resolvedFreesTheKey() {
        IntakeApi.Created generic = IntakeApi.createIntegration("orders", "Queue checker", "GENERIC");
        String key = "queue-" + UUID.randomUUID();
        trigger(generic, key);
        UUID first = incidentsOf(key).get(0);

        EventEnvelope resolved = EventEnvelope.wrap(new IncidentResolved(first, "person-ic-1", TestEvents.now()),
                "/commander-service", Instant.now());
        kafka.publish(resolved);
        awaitReleased(UUID.fromString(generic.id()), key);
        // Redelivery: the inbox skips it, and freeing twice would change nothing anyway.
        kafka.publish(resolved);

        trigger(generic, key);
        List<UUID> incidents = IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported r && key.equals(r.dedupKey()), 2).stream()
                .map(IncidentEvent::incidentId).toList();
        assertThat(incidents).hasSize(2).doesNotHaveDuplicates().contains(first);
    }

    @Test
    @DisplayName("R-REP-5 IncidentClosed frees every key that kept the incident open")
    void closedFreesTheKey() {
        IntakeApi.Created generic = IntakeApi.createIntegration("orders", "Queue checker", "GENERIC");
        String key = "queue-" + UUID.randomUUID();
        trigger(generic, key);
        UUID incident = incidentsOf(key).get(0);
        kafka.publish(EventEnvelope.wrap(new IncidentClosed(incident, "person-ic-1", "orders", Severity.SEV3,
                TestEvents.now(), TestEvents.now()), "/commander-service", Instant.now()));
        awaitReleased(UUID.fromString(generic.id()), key);
    }

    @Test
    @DisplayName("R-REP-5 after IncidentResolved a mail to the same +key opens a new incident instead of attaching")
    void resolvedEndsTheMailThread() {
        String subject = "Refund queue stuck " + UUID.randomUUID();
        String to = "payments-incident-report+refunds-" + subject.hashCode() + "@incidents.example.org";
        String raw = "From: ana.reporter@example.org\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\n\r\nsince 09:30\r\n";
        given().contentType("message/rfc822").body(raw.getBytes(StandardCharsets.UTF_8)).post("/mail")
                .then().statusCode(202);
        UUID first = IntakeApi.reportEvents(kafka, e -> e instanceof IncidentReported r && subject.equals(r.title()),
                1).get(0).incidentId();
        kafka.publish(EventEnvelope.wrap(new IncidentResolved(first, "person-ic-1", TestEvents.now()),
                "/commander-service", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(query(
                "select open from mail_incident where incident_id = ?", first).get(0).get(0)));

        given().contentType("message/rfc822").body(raw.getBytes(StandardCharsets.UTF_8)).post("/mail")
                .then().statusCode(202);
        assertThat(IntakeApi.reportEvents(kafka, e -> e instanceof IncidentReported r && subject.equals(r.title()),
                2)).extracting(IncidentEvent::incidentId).hasSize(2).doesNotHaveDuplicates();
    }
}
