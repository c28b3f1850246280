package io.incident.docs.document;

import io.incident.docs.Docs;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.incident.docs.Docs.as;
import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REP-4, R-DOC-1: every link a tool or a person gave is in the document's evidence section, once. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class EvidenceTest {

    // Alertmanager's generatorURL and the alert's runbook_url and dashboard annotations, as intake passes them on.
    private static final String GENERATOR = "https://prometheus.example.org/graph?g0.expr=rate%28http_5xx%5B5m%5D%29"
            + "&g0.tab=1";
    private static final String RUNBOOK = "https://runbooks.example.org/payments/high-error-rate";
    private static final String DASHBOARD = "https://grafana.example.org/d/checkout/errors?viewPanel=4";
    private static final String IN_DESCRIPTION = "https://logs.example.org/search?q=checkout";

    private static EventEnvelope alert(UUID incident, List<String> links, Instant at) {
        return EventEnvelope.wrap(new IncidentReported(incident, UUID.randomUUID(), "payments",
                "HighErrorRate checkout-api", "5xx above 5% for 5m. Logs: " + IN_DESCRIPTION + ".",
                ReportChannel.ALERTMANAGER, Severity.SEV2, false, false, false, "alertname=HighErrorRate",
                "alertmanager-ref", links, List.of(), at), TestEvents.INTAKE, at);
    }

    private static String document(UUID incident, String format) {
        return given().queryParam("format", format).get("/incidents/" + incident + "/document").then()
                .statusCode(200).extract().asString();
    }

    @Test
    @DisplayName("R-DOC-1 an IncidentReported's evidenceLinks appear in the document as JSON, Markdown and HTML, "
            + "and beside the postmortem")
    void reportedLinks() {
        UUID incident = UUID.randomUUID();
        kafka.publish(alert(incident, List.of(GENERATOR, RUNBOOK, DASHBOARD), TestEvents.now().minusSeconds(60)));

        JsonPath doc = awaitDocument(incident, 1);
        assertThat(doc.getList("evidence.link", String.class)).containsExactly(GENERATOR, RUNBOOK, DASHBOARD,
                IN_DESCRIPTION);
        assertThat(doc.getList("evidence.source", String.class)).containsOnly("Alertmanager report");
        assertThat(doc.getList("evidence.actor", String.class)).containsOnly("alertmanager-ref");

        String md = document(incident, "md");
        assertThat(md).doesNotContain("None linked yet.");
        for (String link : List.of(GENERATOR, RUNBOOK, DASHBOARD, IN_DESCRIPTION)) {
            assertThat(md).contains("](<" + link + ">): Alertmanager report, alertmanager-ref");
        }
        String html = document(incident, "html");
        assertThat(html).doesNotContain("No evidence linked yet.").contains("<ul id=\"evidence\">")
                .contains("<a href=\"" + GENERATOR.replace("&", "&amp;") + "\">prometheus.example.org/graph</a>")
                .contains("<a href=\"" + RUNBOOK + "\">runbooks.example.org/payments/high-error-rate</a>")
                .contains("<a href=\"" + DASHBOARD + "\">").contains("<a href=\"" + IN_DESCRIPTION + "\">");

        // The postmortem shows the same evidence beside the text, for conclusions to point at (R-PM-3).
        String postmortem = "/incidents/" + incident + "/postmortem";
        assertThat(given().get(postmortem).then().statusCode(200).extract().jsonPath()
                .getList("evidence.link", String.class)).containsExactly(GENERATOR, RUNBOOK, DASHBOARD, IN_DESCRIPTION);
        assertThat(given().queryParam("format", "html").get(postmortem).then().statusCode(200).extract().asString())
                .contains("<a href=\"" + RUNBOOK + "\">runbooks.example.org/payments/high-error-rate</a>");
    }

    @Test
    @DisplayName("R-DOC-1 links people write join the reported ones in order of arrival; a link already there is not "
            + "added twice")
    void peoplesLinksAndDuplicates() {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(120);
        kafka.publish(alert(incident, List.of(GENERATOR, RUNBOOK), t0));
        awaitDocument(incident, 1);
        String entries = "/incidents/" + incident + "/entries";
        as("person-ref-7").contentType("application/json").body("{\"kind\":\"evidence\",\"text\":\"Pool size "
                + "graph\",\"link\":\"https://grafana.example.org/d/db-pool\"}").post(entries).then().statusCode(201);
        // The runbook again, in another letter case of the host, and as an update's link: the same evidence.
        as("person-ref-9").contentType("application/json").body("{\"kind\":\"update\",\"text\":\"Following the "
                + "runbook\",\"link\":\"https://RUNBOOKS.example.org/payments/high-error-rate\"}").post(entries)
                .then().statusCode(201);
        as("person-ref-9").contentType("application/json").body("{\"kind\":\"decision\",\"text\":\"Roll back; "
                + "see the deploy log\",\"link\":\"https://ci.example.org/deploys/42\"}").post(entries)
                .then().statusCode(201);
        // A second report of the incident (a redelivery by another path) with one known and one new link.
        kafka.publish(alert(incident, List.of(RUNBOOK, DASHBOARD), t0.plusSeconds(60)));

        JsonPath doc = awaitDocument(incident, 5);
        assertThat(doc.getList("evidence.link", String.class)).containsExactly(GENERATOR, RUNBOOK, IN_DESCRIPTION,
                "https://grafana.example.org/d/db-pool", "https://ci.example.org/deploys/42", DASHBOARD);
        assertThat(doc.getList("evidence.source", String.class)).containsExactly("Alertmanager report",
                "Alertmanager report", "Alertmanager report", "evidence entry", "decision entry",
                "Alertmanager report");
        assertThat(doc.getList("evidence.text", String.class)).contains("Pool size graph",
                "Roll back; see the deploy log");
        assertThat(doc.getList("evidence.actor", String.class).subList(3, 5))
                .containsExactly("person-ref-7", "person-ref-9");
        assertThat(document(incident, "md")).contains("- [Pool size graph](<https://grafana.example.org/d/db-pool>):"
                + " evidence entry, person-ref-7");
        assertThat(document(incident, "html")).contains("<a href=\"https://ci.example.org/deploys/42\">Roll back; "
                + "see the deploy log</a>");
        // The bridge is no evidence, even though it is a link.
        as("person-ref-7").contentType("application/json").body("{\"url\":\"https://meet.example.org/inc\"}")
                .put("/incidents/" + incident + "/bridge").then().statusCode(200);
        assertThat(awaitDocument(incident, 6).getList("evidence.link", String.class))
                .doesNotContain("https://meet.example.org/inc").hasSize(6);
    }

    @Test
    @DisplayName("R-REP-5 R-DOC-1 a later report's links (a reply with a log search) join the evidence, once")
    void laterReportsLinks() {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(120);
        kafka.publish(alert(incident, List.of(GENERATOR), t0));
        String logs = "https://logs.example.org/search?q=refund+timeout";
        kafka.publish(EventEnvelope.wrap(new ReportAttached(incident, UUID.randomUUID(), ReportChannel.EMAIL,
                "Re: HighErrorRate checkout-api", "person-ref-9", t0.plusSeconds(30), 1, t0.plusSeconds(30),
                List.of(logs, GENERATOR)), TestEvents.INTAKE, t0.plusSeconds(30)));
        var doc = awaitDocument(incident, 2);
        assertThat(doc.getList("evidence.link", String.class)).containsExactly(GENERATOR, IN_DESCRIPTION, logs);
        assertThat(doc.getList("evidence.source", String.class).get(2)).isEqualTo("e-mail report (later)");
    }
}
