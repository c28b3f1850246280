package io.incident.notification.stakeholder;

import io.incident.testkit.TestEvents;
import io.incident.events.EventEnvelope;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The notification service remembers every reported incident once, so later notices know their audience. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(io.incident.notification.VendorStandInResource.class)
class IncidentWatchTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** The known_incident rows of one incident, as "team/severity/title/security/reportedAt". */
    private static List<String> knownIncidentRows(UUID incident) throws SQLException {
        try (Connection c = TestInfrastructure.get().connect("notification");
             PreparedStatement ps = c.prepareStatement(
                     "select team, severity, title, security, reported_at from known_incident where incident_id = ?")) {
            ps.setObject(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/"
                            + rs.getBoolean(4) + "/" + rs.getTimestamp(5).toInstant());
                }
                return rows;
            }
        }
    }

    private static void awaitKnown(UUID incident) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !knownIncidentRows(incident).isEmpty());
    }

    private static String dashboard() {
        return given().accept(ContentType.HTML).get("/").then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();
    }

    private static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    @Test
    @DisplayName("an IncidentReported is remembered with its team, severity and audience, and shown on the dashboard")
    void reportIsRemembered() throws SQLException {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = TestEvents.now().minusSeconds(60);
        kafka.publish(TestEvents.reported(incident, "Dashboard <check> " + incident, "checkout", Severity.SEV2,
                reportedAt));
        awaitKnown(incident);

        assertThat(knownIncidentRows(incident))
                .containsExactly("checkout/SEV2/Dashboard <check> " + incident + "/false/" + reportedAt);
        String html = dashboard();
        assertThat(html).contains("<code>" + incident + "</code>")
                .contains("Dashboard &lt;check&gt; " + incident)
                .doesNotContain("<check>")
                .contains("everyone affected");
    }

    @Test
    @DisplayName("a redelivered IncidentReported leaves one known incident, listed once")
    void redeliveryKeepsOneRow() throws SQLException {
        UUID incident = UUID.randomUUID();
        EventEnvelope reported = TestEvents.reported(incident, "Search is slow");
        kafka.publish(reported);
        awaitKnown(incident);

        kafka.publish(reported);
        // Published after the redelivery on the same partition: once it is known, the redelivery was handled.
        UUID later = TestEvents.incidentOnSamePartitions(incident, Topics.REPORTS);
        kafka.publish(TestEvents.reported(later, "A later incident"));
        awaitKnown(later);

        assertThat(knownIncidentRows(incident)).hasSize(1);
        assertThat(occurrences(dashboard(), "?incident=" + incident)).isEqualTo(1);
    }

    @Test
    @DisplayName("health, Prometheus metrics and OpenAPI are served")
    void operability() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("incident_outbox_published"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
