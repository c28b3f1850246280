package io.incident.intake.webhook;

import io.incident.testkit.Tokens;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /webhooks/generic/{key}}, unsigned and signed, against real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class GenericWebhookTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    @DisplayName("R-REP-3 R-REP-4 a generic webhook opens an incident with its findings; the same key attaches")
    void triggerAndAttach() {
        IntakeApi.Created generic = IntakeApi.createIntegration("orders", "Cron checker", "GENERIC");
        String key = "orders-queue-" + UUID.randomUUID();
        String body = "{\"dedupKey\":\"" + key + "\",\"title\":\"Order queue depth over 10k\",\"severity\":\"error\"}";
        given().contentType(ContentType.JSON).body(body).post("/webhooks/generic/" + generic.key())
                .then().statusCode(202).body("outcomes.open", equalTo(1)).body("dedupKey", equalTo(key));
        IncidentReported reported = (IncidentReported) IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported r && key.equals(r.dedupKey()), 1).get(0);
        assertThat(reported.channel()).isEqualTo(ReportChannel.GENERIC_WEBHOOK);
        assertThat(reported.severity()).isEqualTo(Severity.SEV2);
        assertThat(reported.likelyIncident()).isFalse();
        assertThat(reported.team()).isEqualTo("orders");
        assertThat(reported.qualityFindings()).as("R-REP-4 no links and no start time")
                .anyMatch(f -> f.startsWith("no-evidence:")).anyMatch(f -> f.startsWith("no-start-time:"))
                .noneMatch(f -> f.startsWith("vague-subject:"));

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + generic.key()).body(body)
                .post("/webhooks/generic").then().statusCode(202).body("outcomes.attach", equalTo(1));
        List<IncidentEvent> attached = IntakeApi.reportEvents(kafka,
                e -> e instanceof ReportAttached a && a.incidentId().equals(reported.incidentId()), 1);
        assertThat(attached).hasSize(1);
    }

    @Test
    @DisplayName("with a signing secret, only a body with its X-Signature-256 HMAC is accepted; others get 401")
    void signatures() {
        IntakeApi.Created generic = IntakeApi.createIntegration("orders", "Signed checker", "GENERIC");
        String secret = given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + generic.id() + "/signing-secret").then().statusCode(201)
                .header("Cache-Control", "no-store").body("header", equalTo("X-Signature-256"))
                .extract().path("secret");
        given().get("/integrations/" + generic.id()).then().statusCode(200).body("signed", equalTo(true))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        String key = "signed-" + UUID.randomUUID();
        byte[] body = ("{\"dedupKey\":\"" + key + "\",\"title\":\"Nightly export failed for invoices\"}")
                .getBytes(StandardCharsets.UTF_8);

        given().contentType(ContentType.JSON).body(body).post("/webhooks/generic/" + generic.key())
                .then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Bad signature")).body("detail", containsString("has no X-Signature-256"));
        given().contentType(ContentType.JSON).header("X-Signature-256", WebhookSignature.sign("wrong", body))
                .body(body).post("/webhooks/generic/" + generic.key())
                .then().statusCode(401).contentType("application/problem+json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("invoices", "payroll")
                .getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Signature-256", WebhookSignature.sign(secret, body))
                .body(tampered).post("/webhooks/generic/" + generic.key()).then().statusCode(401);

        given().contentType(ContentType.JSON).header("X-Signature-256", WebhookSignature.sign(secret, body))
                .body(body).post("/webhooks/generic/" + generic.key()).then().statusCode(202)
                .body("outcomes.open", equalTo(1));
        assertThat(IntakeApi.reportEvents(kafka, e -> e instanceof IncidentReported r && key.equals(r.dedupKey()), 1))
                .hasSize(1);

        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).delete("/integrations/" + generic.id() + "/signing-secret").then().statusCode(200)
                .body("signed", equalTo(false));
        given().contentType(ContentType.JSON).body(body).post("/webhooks/generic/" + generic.key())
                .then().statusCode(202);
    }

    @Test
    @DisplayName("a bad generic webhook gets 400 problem JSON with every reason")
    void invalid() {
        IntakeApi.Created generic = IntakeApi.createIntegration("orders", "Cron checker", "GENERIC");
        given().contentType(ContentType.JSON).body("{\"action\":\"resolve\",\"severity\":\"purple\"}")
                .post("/webhooks/generic/" + generic.key()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.size()", equalTo(2));
        given().contentType(ContentType.TEXT).body("hello").post("/webhooks/generic/" + generic.key())
                .then().statusCode(400).contentType("application/problem+json");
    }
}
