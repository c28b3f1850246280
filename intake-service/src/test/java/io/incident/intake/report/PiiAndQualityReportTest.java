package io.incident.intake.report;

import io.incident.events.IncidentReported;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.intake.IntakeApi.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REP-4 and R-REP-6 on the REST channel, through to the event on Kafka and the restricted vault. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class PiiAndQualityReportTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static IncidentReported report(Map<String, Object> body) {
        UUID incident = UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/reports").then()
                .statusCode(202).extract().path("incidentId"));
        return (IncidentReported) IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported r && r.incidentId().equals(incident), 1).get(0);
    }

    @Test
    @DisplayName("R-REP-6 a report with an SSN and a phone number is a security incident; the event carries no PII")
    void piiGoesToTheVault() {
        IncidentReported reported = report(Map.of("team", "payments",
                "title", "Refund page shows another customer's SSN 123-45-6789",
                "description", "Customer Jane Roe (call +1 555-201-3344) saw it at 09:30, https://logs.example.org/q",
                "reporter", "reporter-1@example.org"));
        assertThat(reported.security()).isTrue();
        assertThat(reported.title()).isEqualTo("Refund page shows another customer's SSN [redacted ssn]");
        assertThat(reported.description()).contains("[redacted phone number]").doesNotContain("555-201-3344");

        List<List<Object>> vault = query("select kinds, title, description from pii_vault where report_id = ?",
                reported.reportId());
        assertThat(vault).hasSize(1);
        assertThat(vault.get(0).get(0)).isEqualTo("SSN,PHONE_NUMBER");
        assertThat((String) vault.get(0).get(1)).contains("123-45-6789");
        assertThat((String) vault.get(0).get(2)).contains("555-201-3344");
        List<List<Object>> row = query("select title, description from report where id = ?", reported.reportId());
        assertThat(row.get(0).toString()).as("the report row keeps only the redacted text")
                .doesNotContain("123-45-6789", "555-201-3344");
    }

    @Test
    @DisplayName("R-REP-4 a vague REST report without evidence or start time is accepted and says what it lacks")
    void qualityFindings() {
        IncidentReported reported = report(Map.of("team", "payments", "title", "Urgent problem"));
        assertThat(reported.security()).isFalse();
        assertThat(reported.qualityFindings()).extracting(f -> f.substring(0, f.indexOf(':')))
                .containsExactly("no-evidence", "no-start-time", "vague-subject");

        IncidentReported good = report(Map.of("team", "payments", "title", "Refunds fail with 500 since 09:30 UTC",
                "description", "See https://logs.example.org/search?q=refund"));
        assertThat(good.qualityFindings()).isEmpty();
        assertThat(good.evidenceLinks()).containsExactly("https://logs.example.org/search?q=refund");
    }

    @Test
    @DisplayName("R-ACK-4 a REST report to the SI team is site-wide")
    void siteWide() {
        IncidentReported reported = report(Map.of("team", "si", "title", "Every service returns 503 since 10:00"));
        assertThat(reported.siteWide()).isTrue();
        assertThat(reported.team()).isEqualTo("si");
    }
}
