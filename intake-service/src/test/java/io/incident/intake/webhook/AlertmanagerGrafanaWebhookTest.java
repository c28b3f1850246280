package io.incident.intake.webhook;

import io.incident.testkit.Tokens;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.ResolveRequested;
import io.incident.events.Severity;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.incident.intake.IntakeApi.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Alertmanager and Grafana webhooks against real PostgreSQL and Kafka, with the bodies those tools send. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class AlertmanagerGrafanaWebhookTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static Predicate<IncidentEvent> fromIntegration(UUID integration, Class<?> type) {
        Set<UUID> reports = query("select id from report where integration_id = ?", integration).stream()
                .map(r -> (UUID) r.get(0)).collect(Collectors.toSet());
        return e -> type.isInstance(e) && reports.contains(reportId(e));
    }

    private static UUID reportId(IncidentEvent e) {
        if (e instanceof IncidentReported r) {
            return r.reportId();
        }
        if (e instanceof ResolveRequested r) {
            return r.reportId();
        }
        return null;
    }

    private static long reportsOf(UUID integration) {
        return (Long) query("select count(*) from report where integration_id = ?", integration).get(0).get(0);
    }

    @Test
    @DisplayName("R-REP-3 R-REP-5 an Alertmanager v4 group opens one incident per alert; a resend changes nothing")
    void alertmanagerFiringAndResend() {
        IntakeApi.Created am = IntakeApi.createIntegration("payments", "Checkout Alertmanager", "ALERTMANAGER");
        UUID integration = UUID.fromString(am.id());
        byte[] firing = WebhookPayloads.bytes("alertmanager-firing.json");

        given().contentType(ContentType.JSON).body(firing).post("/webhooks/alertmanager/" + am.key())
                .then().statusCode(202).body("outcomes.open", equalTo(2));
        List<IncidentEvent> opened = IntakeApi.reportEvents(kafka, fromIntegration(integration,
                IncidentReported.class), 2);
        assertThat(opened).hasSize(2);
        IncidentReported first = opened.stream().map(IncidentReported.class::cast)
                .filter(r -> r.dedupKey().endsWith("/3f2b6c1d9a8e7f60")).findFirst().orElseThrow();
        assertThat(first.channel()).isEqualTo(ReportChannel.ALERTMANAGER);
        assertThat(first.team()).isEqualTo("payments");
        assertThat(first.title()).isEqualTo("Checkout returns 5xx for 31% of requests on checkout-1");
        assertThat(first.severity()).isEqualTo(Severity.SEV1);
        assertThat(first.likelyIncident()).as("R-ACK-2 critical alert").isTrue();
        assertThat(first.evidenceLinks()).contains("https://runbooks.example.org/checkout-5xx");
        assertThat(first.qualityFindings()).as("R-REP-4 evidence, start time and a specific subject").isEmpty();
        assertThat(first.toString()).doesNotContain(am.key());
        assertThat(opened.get(0).incidentId()).isNotEqualTo(opened.get(1).incidentId());

        // Alertmanager resends the whole group on every repeat_interval, and retries on any doubt.
        given().contentType(ContentType.JSON).body(firing).post("/webhooks/alertmanager/" + am.key())
                .then().statusCode(202).body("outcomes.drop", equalTo(2));
        assertThat(reportsOf(integration)).as("a resend stores no new report and publishes nothing").isEqualTo(2);
    }

    @Test
    @DisplayName("R-REP-5 a resolved alert raises ResolveRequested for its incident; firing again opens a new one")
    void alertmanagerResolved() {
        IntakeApi.Created am = IntakeApi.createIntegration("payments", "Checkout Alertmanager", "ALERTMANAGER");
        UUID integration = UUID.fromString(am.id());
        given().contentType(ContentType.JSON).body(WebhookPayloads.bytes("alertmanager-firing.json"))
                .post("/webhooks/alertmanager/" + am.key()).then().statusCode(202);
        IncidentReported checkout1 = IntakeApi.reportEvents(kafka, fromIntegration(integration,
                        IncidentReported.class), 2).stream().map(IncidentReported.class::cast)
                .filter(r -> r.dedupKey().endsWith("/3f2b6c1d9a8e7f60")).findFirst().orElseThrow();

        // Key in the Authorization header this time, as Alertmanager's http_config.authorization sends it.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + am.key())
                .body(WebhookPayloads.bytes("alertmanager-resolved.json")).post("/webhooks/alertmanager")
                .then().statusCode(202).body("outcomes.resolve", equalTo(1)).body("outcomes.drop", equalTo(1));
        List<IncidentEvent> resolved = IntakeApi.reportEvents(kafka, fromIntegration(integration,
                ResolveRequested.class), 1);
        assertThat(resolved).singleElement().satisfies(e -> {
            assertThat(e.incidentId()).isEqualTo(checkout1.incidentId());
            assertThat(((ResolveRequested) e).channel()).isEqualTo(ReportChannel.ALERTMANAGER);
        });
        // The resolved notification resent: nothing open for the key any more, so nothing happens.
        given().contentType(ContentType.JSON).body(WebhookPayloads.bytes("alertmanager-resolved.json"))
                .post("/webhooks/alertmanager/" + am.key()).then().statusCode(202)
                .body("outcomes.drop", equalTo(2));

        given().contentType(ContentType.JSON).body(WebhookPayloads.bytes("alertmanager-firing.json"))
                .post("/webhooks/alertmanager/" + am.key()).then().statusCode(202)
                .body("outcomes.open", equalTo(1)).body("outcomes.drop", equalTo(1));
        List<IncidentEvent> all = IntakeApi.reportEvents(kafka, fromIntegration(integration,
                IncidentReported.class), 3);
        assertThat(all).hasSize(3);
        assertThat(all.stream().filter(e -> ((IncidentReported) e).dedupKey().endsWith("/3f2b6c1d9a8e7f60"))
                .map(IncidentEvent::incidentId).distinct()).as("a new incident after the resolve").hasSize(2);
    }

    @Test
    @DisplayName("R-REP-3 R-ACK-4 a Grafana alert is a standard alert with its dashboard; scope=site-wide goes to SI")
    void grafana() {
        IntakeApi.Created grafana = IntakeApi.createIntegration("storage", "Grafana storage", "GRAFANA");
        UUID integration = UUID.fromString(grafana.id());
        given().contentType(ContentType.JSON).body(WebhookPayloads.bytes("grafana-firing.json"))
                .post("/webhooks/grafana/" + grafana.key()).then().statusCode(202).body("outcomes.open", equalTo(1));
        IncidentReported reported = (IncidentReported) IntakeApi.reportEvents(kafka, fromIntegration(integration,
                IncidentReported.class), 1).get(0);
        assertThat(reported.channel()).isEqualTo(ReportChannel.GRAFANA);
        assertThat(reported.severity()).isEqualTo(Severity.SEV3);
        assertThat(reported.likelyIncident()).as("R-ACK-2 a warning is a standard alert").isFalse();
        assertThat(reported.siteWide()).isTrue();
        assertThat(reported.team()).as("R-ACK-4 site-wide alerts go to the SI on-call").isEqualTo("si");
        assertThat(reported.evidenceLinks()).contains("https://grafana.example.org/d/storage-overview?orgId=1");
        String raw = (String) query("select raw_payload from report where id = ?", reported.reportId()).get(0).get(0);
        assertThat(raw).contains("valueString");
    }

    @Test
    @DisplayName("unknown keys, other tools' keys, disabled keys and bad bodies get problem JSON, never a 500")
    void refusals() {
        IntakeApi.Created am = IntakeApi.createIntegration("payments", "Checkout Alertmanager", "ALERTMANAGER");
        byte[] firing = WebhookPayloads.bytes("alertmanager-firing.json");
        given().contentType(ContentType.JSON).body(firing).post("/webhooks/alertmanager/0123456789abcdef0123456789abcdef")
                .then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Unknown integration key"));
        given().contentType(ContentType.JSON).body(firing).post("/webhooks/grafana/" + am.key())
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(firing).post("/webhooks/alertmanager")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("Authorization: Bearer"));
        given().contentType(ContentType.JSON).body("{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{}]}")
                .post("/webhooks/alertmanager/" + am.key()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem("'alerts[0].status' must be \"firing\" or \"resolved\""));
        given().contentType(ContentType.JSON).body("{not json").post("/webhooks/alertmanager/" + am.key())
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(new byte[1_048_577]).post("/webhooks/alertmanager/" + am.key())
                .then().statusCode(413).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + am.id() + "/disable").then().statusCode(200);
        given().contentType(ContentType.JSON).body(firing).post("/webhooks/alertmanager/" + am.key())
                .then().statusCode(401).contentType("application/problem+json");
    }
}
