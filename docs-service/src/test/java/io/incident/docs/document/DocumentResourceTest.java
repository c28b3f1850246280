package io.incident.docs.document;

import io.incident.testkit.TestEvents;
import io.incident.events.Severity;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The document as readers get it: JSON, HTML and Markdown, and problem JSON when it cannot be had. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class DocumentResourceTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** Waits until the document has {@code entries} timeline entries and returns it as JSON. */
    static JsonPath awaitDocument(UUID incident, int entries) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/incidents/" + incident + "/document").then().extract().response(),
                r -> r.statusCode() == 200 && r.jsonPath().getList("timeline").size() == entries).jsonPath();
    }

    @Test
    @DisplayName("R-DOC-1 an IncidentReported opens a document with a tracking id and one 'reported' timeline entry")
    void reportOpensDocument() {
        UUID incident = UUID.randomUUID();
        // Reported a while ago: the entry is dated when the event happened, not when the service heard of it.
        Instant reportedAt = TestEvents.now().minusSeconds(90);
        kafka.publish(TestEvents.reported(incident, "Checkout returns 502", "checkout", Severity.SEV1, reportedAt));

        JsonPath doc = awaitDocument(incident, 1);
        assertThat(doc.getString("incidentId")).isEqualTo(incident.toString());
        assertThat(doc.getString("trackingId")).matches("INC-\\d+");
        assertThat(doc.getString("title")).isEqualTo("Checkout returns 502");
        assertThat(doc.getString("team")).isEqualTo("checkout");
        assertThat(doc.getString("severity")).isEqualTo("SEV1");
        assertThat(doc.getBoolean("security")).isFalse();
        assertThat(doc.getInt("revision")).isEqualTo(1);
        assertThat(doc.getString("url")).endsWith("/incidents/" + incident + "/document");
        assertThat(doc.getList("timeline.kind", String.class)).containsExactly("reported");
        assertThat(doc.getString("timeline[0].text"))
                .contains("Checkout returns 502").contains("checkout").contains("SEV1").contains("REST");
        assertThat(Instant.parse(doc.getString("timeline[0].at"))).isEqualTo(reportedAt);
    }

    @Test
    @DisplayName("R-DOC-1 the document reads as escaped HTML for browsers and as Markdown on request")
    void formats() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Disk <b>full</b> on db-7"));
        String trackingId = awaitDocument(incident, 1).getString("trackingId");
        String path = "/incidents/" + incident + "/document";

        given().queryParam("format", "html").get(path).then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString(trackingId))
                .body(containsString("Disk &lt;b&gt;full&lt;/b&gt; on db-7"))
                .body(not(containsString("<b>full</b>")))
                .body(containsString("reported"));
        given().accept(ContentType.HTML).get(path).then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("Disk &lt;b&gt;full&lt;/b&gt; on db-7"))
                .body(not(containsString("<b>full</b>")));
        given().queryParam("format", "md").get(path).then().statusCode(200)
                .contentType("text/markdown")
                .body(startsWith("# " + trackingId + ": Disk <b>full</b> on db-7\n"))
                .body(containsString("- Team: payments\n"))
                .body(containsString("- Severity: SEV2\n"))
                .body(containsString("## Timeline"))
                .body(containsString("| reported | Reported by REST"));
        given().accept("text/markdown").get(path).then().statusCode(200).contentType("text/markdown");
        given().queryParam("format", "json").accept(ContentType.HTML).get(path).then().statusCode(200)
                .contentType(ContentType.JSON).body("trackingId", equalTo(trackingId));
    }

    @Test
    @DisplayName("an unknown format is a 400 and an unknown incident a 404, both as problem JSON")
    void problems() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Search is slow"));
        awaitDocument(incident, 1);

        given().queryParam("format", "pdf").get("/incidents/" + incident + "/document").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Unknown format"))
                .body("detail", containsString("pdf"));
        UUID unknown = UUID.randomUUID();
        given().get("/incidents/" + unknown + "/document").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("No document yet"))
                .body("detail", containsString(unknown.toString()));
        given().get("/incidents/not-a-uuid/document").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("the dashboard lists the document with its tracking id and escaped title")
    void dashboard() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Dashboard <check> " + incident));
        String trackingId = awaitDocument(incident, 1).getString("trackingId");

        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<a href=\"/incidents/" + incident + "/document\">" + trackingId + "</a>"))
                .body(containsString("Dashboard &lt;check&gt; " + incident));
    }

    @Test
    @DisplayName("health, Prometheus metrics and OpenAPI are served")
    void operability() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("incident_outbox_published"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/incidents/{incidentId}/document"));
    }
}
