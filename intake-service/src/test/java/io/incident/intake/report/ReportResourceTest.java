package io.incident.intake.report;

import io.incident.events.CloudEventHeaders;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class ReportResourceTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    @DisplayName("R-REP-1 R-REP-5 a REST report with no account becomes one IncidentReported event on incident.reports")
    void reportBecomesEvent() {
        String incidentId = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Checkout returns 502", "description", "Since 09:10 UTC, see dashboard",
                        "team", "payments", "reporter", "dana.reporter@example.org", "severity", "sev2"))
                .when().post("/reports")
                .then().statusCode(202)
                .header("Location", containsString("/reports/"))
                .body("team", equalTo("payments"))
                .body("document", containsString("/document"))
                .extract().path("incidentId");
        UUID incident = UUID.fromString(incidentId);

        List<ConsumerRecord<String, String>> records = kafka.read(Topics.REPORTS, KafkaTestClient.about(incident), 1,
                Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        Map<String, String> headers = KafkaTestClient.headers(record);
        assertThat(headers).containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.TYPE, "io.incident.reported.v1")
                .containsEntry(CloudEventHeaders.SOURCE, "/intake-service")
                .containsEntry(CloudEventHeaders.SUBJECT, incidentId)
                .containsKey(CloudEventHeaders.ID)
                .containsKey(CloudEventHeaders.TIME);

        EventEnvelope envelope = EventCodec.decode(headers, record.value()).orElseThrow();
        IncidentReported reported = (IncidentReported) envelope.data();
        assertThat(reported.title()).isEqualTo("Checkout returns 502");
        assertThat(reported.team()).isEqualTo("payments");
        assertThat(reported.severity()).isEqualTo(Severity.SEV2);
        assertThat(reported.channel()).isEqualTo(ReportChannel.REST);
        assertThat(reported.likelyIncident()).as("R-ACK-2 direct reports are likely incidents").isTrue();
        assertThat(record.value()).as("the reporter's address never travels on the stream")
                .doesNotContain("dana.reporter@example.org");
    }

    @Test
    @DisplayName("an accepted report can be read back, without the reporter's contact")
    void reportCanBeReadBack() {
        String reportId = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Search is slow", "team", "search", "reporter", "kim@example.org"))
                .post("/reports").then().statusCode(202).extract().path("reportId");
        given().get("/reports/" + reportId).then().statusCode(200)
                .body("reportId", equalTo(reportId))
                .body(org.hamcrest.Matchers.not(containsString("kim@example.org")));
    }

    @Test
    @DisplayName("a report without title and with a bad team gets problem JSON naming each field")
    void invalidReport() {
        given().contentType(ContentType.JSON).body(Map.of("team", "Pay Ments"))
                .post("/reports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid report"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("team"));
    }

    @Test
    @DisplayName("malformed JSON, wrong types and unknown severities get 400 problem JSON, never a 500")
    void malformedBodies() {
        given().contentType(ContentType.JSON).body("{\"team\":")
                .post("/reports").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
        given().contentType(ContentType.JSON).body("{\"team\": 3, \"title\": []}")
                .post("/reports").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("title"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "team", "payments", "severity", "SEV9"))
                .post("/reports").then().statusCode(400).body("errors.field", hasItem("severity"));
        given().contentType(ContentType.JSON).body("")
                .post("/reports").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @DisplayName("unknown paths, methods and media types get problem JSON")
    void httpErrors() {
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().delete("/reports").then().statusCode(405).contentType("application/problem+json");
        given().contentType(ContentType.XML).body("<report/>").post("/reports").then().statusCode(415)
                .contentType("application/problem+json");
        given().get("/reports/" + UUID.randomUUID()).then().statusCode(404).body("title", equalTo("No such report"));
        given().get("/reports/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @DisplayName("health, Prometheus metrics, OpenAPI and the dashboard are served")
    void operability() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("incident_outbox_published"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/reports"));
        given().contentType(ContentType.JSON).body(Map.of("title", "Dashboard <check>", "team", "web"))
                .post("/reports").then().statusCode(202);
        // Published events are counted per CloudEvents type: the dashboards count new incidents from it.
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedReports() > 0);
        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .body(containsString("Dashboard &lt;check&gt;"));
    }

    @Test
    @DisplayName("the movable clock moves in the test profile")
    void clockMoves() {
        String before = given().get("/admin/clock").then().statusCode(200).body("movable", equalTo(true))
                .extract().path("now");
        given().post("/admin/clock/advance?by=PT15M").then().statusCode(200).body("now", notNullValue());
        String after = given().get("/admin/clock").then().extract().path("now");
        assertThat(java.time.Instant.parse(after))
                .isAfterOrEqualTo(java.time.Instant.parse(before).plus(Duration.ofMinutes(15)));
        given().post("/admin/clock/advance?by=yesterday").then().statusCode(400).contentType("application/problem+json");
    }

    private static double publishedReports() {
        return given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("incident_outbox_published_total{") && l.contains("type=\"io.incident.reported.v1\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
