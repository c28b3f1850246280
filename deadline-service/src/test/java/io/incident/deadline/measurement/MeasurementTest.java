package io.incident.deadline.measurement;

import io.incident.events.CommanderAcknowledged;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.incident.deadline.ServiceUnderTest.TIMEOUT;
import static io.incident.deadline.ServiceUnderTest.awaitDeadlines;
import static io.incident.deadline.ServiceUnderTest.now;
import static io.restassured.RestAssured.given;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class MeasurementTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static void publish(Object event, Instant at) {
        kafka.publish(EventEnvelope.wrap((io.incident.events.IncidentEvent) event, "/test", at));
    }

    private static void reported(UUID incident, String team, Instant at) {
        publish(new IncidentReported(incident, UUID.randomUUID(), team, "Search is down", "Seen by a test",
                ReportChannel.REST, Severity.SEV2, true, false, false, null, "reporter-ref-2", List.of(), List.of(),
                at), at);
    }

    @Test
    @DisplayName("R-PM-4 time to acknowledge, mitigate, resolve and close per team and severity, and compliance per rule")
    void measuresTheResponse() {
        String team = "measured-" + UUID.randomUUID().toString().substring(0, 8);
        // Reported now, so no clock of the fast incident can fall due before its acknowledgement is applied.
        Instant t = now();
        Instant early = t.minus(ofMinutes(60));
        UUID fast = UUID.randomUUID();
        UUID slow = UUID.randomUUID();

        // Acknowledged in 2 minutes (R-ACK-2 met), mitigated at 10, resolved at 20, closed at 30.
        reported(fast, team, t);
        publish(new CommanderAcknowledged(fast, "person-ref-1", team, t.plus(ofMinutes(2))), t.plus(ofMinutes(2)));
        publish(new IncidentMitigated(fast, "person-ref-1", t.plus(ofMinutes(10))), t.plus(ofMinutes(10)));
        publish(new IncidentResolved(fast, "person-ref-1", t.plus(ofMinutes(20))), t.plus(ofMinutes(20)));
        publish(new IncidentClosed(fast, "person-ref-1", team, Severity.SEV2, t, t.plus(ofMinutes(30))),
                t.plus(ofMinutes(30)));
        // Acknowledged after 8 minutes: the 5-minute clock was breached long before.
        reported(slow, team, early);
        awaitDeadlines(slow, j -> "BREACHED".equals(j.getString("find { it.kind == 'ACKNOWLEDGE' }.status")));
        publish(new CommanderAcknowledged(slow, "person-ref-2", team, early.plus(ofMinutes(8))),
                early.plus(ofMinutes(8)));

        JsonPath m = await().atMost(TIMEOUT).until(() -> given().queryParam("team", team).get("/measurements")
                        .then().statusCode(200).extract().jsonPath(),
                j -> j.getInt("groups[0].close.count") == 1 && j.getInt("groups[0].acknowledge.count") == 2);

        assertThat(m.getList("groups")).hasSize(1);
        assertThat(m.getString("groups[0].severity")).isEqualTo("SEV2");
        assertThat(m.getLong("groups[0].incidents")).isEqualTo(2);
        assertThat(m.getDouble("groups[0].acknowledge.meanSeconds")).isEqualTo(300.0);
        assertThat(m.getDouble("groups[0].acknowledge.maxSeconds")).isEqualTo(480.0);
        assertThat(m.getDouble("groups[0].mitigate.p50Seconds")).isEqualTo(600.0);
        assertThat(m.getDouble("groups[0].resolve.p50Seconds")).isEqualTo(1200.0);
        assertThat(m.getDouble("groups[0].close.p50Seconds")).isEqualTo(1800.0);

        assertThat(m.getLong("compliance.find { it.rule == 'R-ACK-2' }.met")).isEqualTo(1);
        assertThat(m.getLong("compliance.find { it.rule == 'R-ACK-2' }.breached")).isEqualTo(1);
        assertThat(m.getDouble("compliance.find { it.rule == 'R-ACK-2' }.rate")).isEqualTo(0.5);
    }

    @Test
    @DisplayName("R-PM-4 a bad filter gets a problem naming it")
    void badFilter() {
        given().queryParam("severity", "SEV9").get("/measurements").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body(containsString("SEV9"));
        given().queryParam("since", "yesterday").get("/measurements").then().statusCode(400)
                .body(containsString("since"));
    }
}
