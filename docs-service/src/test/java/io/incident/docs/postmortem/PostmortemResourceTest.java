package io.incident.docs.postmortem;

import io.incident.docs.Docs;
import io.incident.events.DocumentUpdated;
import io.incident.events.PostmortemPublished;
import io.incident.events.RootCauseAnalysisCompleted;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.incident.docs.Docs.as;
import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** R-PM-1..3: the postmortem from the template, checked, published; R-PM-2: the root cause analysis. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class PostmortemResourceTest {

    /** A closed incident: reported, acknowledged, mitigated, closed. */
    private static UUID closedIncident() {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(7200);
        kafka.publish(Docs.reported(incident, "Checkout fails", "payments", Severity.SEV1, false, t0));
        kafka.publish(Docs.acknowledged(incident, "person-ref-7", "payments", t0.plusSeconds(60)));
        kafka.publish(Docs.mitigated(incident, t0.plusSeconds(1800)));
        kafka.publish(Docs.closed(incident, t0, t0.plusSeconds(3600)));
        awaitDocument(incident, 4);
        return incident;
    }

    private static String path(UUID incident) {
        return "/incidents/" + incident + "/postmortem";
    }

    @Test
    @DisplayName("R-PM-1 the template is pre-filled from the timeline with the outage and incident markers")
    void template() {
        UUID incident = closedIncident();
        JsonPath pm = given().get(path(incident)).then().statusCode(200).extract().jsonPath();
        assertThat(pm.getString("status")).isEqualTo("template");
        String timeline = pm.getString("sections.timeline");
        assertThat(timeline).contains("Incident start:").contains("Outage start:")
                .contains("Outage end: person-ref-7 marked the incident mitigated.")
                .contains("Incident end: person-ref-7 closed the incident.");
        assertThat(pm.getString("sections.summary"))
                .startsWith(pm.getString("trackingId") + ": \u201cCheckout fails\u201d.");
        assertThat(pm.getList("findings.rule", String.class)).contains("empty-section")
                .doesNotContain("timeline-markers");
        given().queryParam("format", "html").get(path(incident)).then().statusCode(200)
                .body(containsString("Outage end")).body(containsString("What went badly"));
        given().queryParam("format", "md").get(path(incident)).then().statusCode(200)
                .body(containsString("## Root cause"));
    }

    @Test
    @DisplayName("R-PM-3 publishing with open findings is a 409 listing them; fixing them publishes the postmortem")
    void publishAfterFixing() {
        UUID incident = closedIncident();
        as("person-ref-7").contentType("application/json")
                .body(Map.of("impact", "We basically lost a bunch of orders.")).put(path(incident)).then()
                .statusCode(200).body("status", equalTo("draft"));
        as("person-ref-7").post(path(incident) + "/check").then().statusCode(200).body("clean", equalTo(false))
                .body("findings.rule", hasItem("first-person")).body("findings.rule", hasItem("casual"))
                .body("findings.sentence", hasItem("We basically lost a bunch of orders."));

        as("person-ref-7").contentType("application/json").body("{}").post(path(incident) + "/publish").then()
                .statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Postmortem has open findings"))
                .body("findings.rule", hasItem("first-person"))
                .body("findings.suggestion", hasItem(containsString("third person")));

        as("person-ref-7").contentType("application/json").body(Map.of(
                "impact", "About one in five buyers saw an error page for half an hour.",
                "rootCause", "A new flag sent card checks to an old server. That server had no room left.",
                "resolution", "The team turned the flag off. Errors stopped a minute later.",
                "wentWell", "Alerts fired within two minutes.",
                "wentBadly", "The flag had no owner.",
                "actionItems", "- Add an owner to every flag (owner person-ref-3, due 2026-12-01)",
                "summary", "Checkout failed for half an hour. The team turned off a bad flag."))
                .put(path(incident)).then().statusCode(200);
        as("person-ref-7").post(path(incident) + "/check").then().body("clean", equalTo(true));
        as("person-ref-7").contentType("application/json").body("{}").post(path(incident) + "/publish").then()
                .statusCode(200).body("status", equalTo("published")).body("publishedBy", equalTo("person-ref-7"));
        as("person-ref-7").contentType("application/json").body("{}").post(path(incident) + "/publish").then()
                .statusCode(409).body("title", equalTo("Postmortem already published"));
        as("person-ref-7").contentType("application/json").body(Map.of("impact", "Changed later."))
                .put(path(incident)).then().statusCode(409);

        PostmortemPublished published = Docs.published(incident, PostmortemPublished.class, 1).get(0);
        assertThat(published.url()).endsWith(path(incident));
        assertThat(published.postmortemId().toString())
                .isEqualTo(given().get(path(incident)).jsonPath().getString("postmortemId"));
        assertThat(Docs.published(incident, DocumentUpdated.class, 2)).extracting(DocumentUpdated::entryKind)
                .containsOnly("postmortem-draft");
    }

    @Test
    @DisplayName("R-PM-3 the check endpoint checks text sent while editing, saves nothing, and keeps the rules")
    void checkWhileEditing() {
        UUID incident = closedIncident();
        String check = path(incident) + "/check";
        JsonPath flagged = as("person-ref-7").contentType("application/json")
                .body(Map.of("impact", "I restarted the pod after disk I/O hit its limit.")).post(check).then()
                .statusCode(200).body("clean", equalTo(false)).extract().jsonPath();
        assertThat(flagged.getList("findings.findAll { it.section == 'impact' }.rule", String.class))
                .containsExactly("first-person");
        assertThat(flagged.getString("findings.find { it.rule == 'first-person' }.suggestion")).contains("'I'");

        JsonPath plain = as("person-ref-7").contentType("application/json")
                .body(Map.of("impact", "Disk I/O on db-7 hit its limit. The team restarted the pod.")).post(check)
                .then().statusCode(200).extract().jsonPath();
        assertThat(plain.getList("findings.section", String.class)).doesNotContain("impact");
        // The sections not sent are checked as stored: the template's empty ones are still open.
        assertThat(plain.getList("findings.section", String.class)).contains("rootCause");

        JsonPath convoluted = as("person-ref-7").contentType("application/json").body(Map.of("rootCause", "The unavailability "
                        + "originated from an insufficiently validated configuration modification."))
                .post(check).then().statusCode(200).extract().jsonPath();
        assertThat(convoluted.getList("findings.findAll { it.section == 'rootCause' }.rule", String.class))
                .contains("reading-grade");

        given().get(path(incident)).then().body("status", equalTo("template")).body("sections.impact", equalTo(""));
        as("person-ref-7").contentType("application/json").body(Map.of("mood", "fine")).post(check).then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unknown section"));
        // Without a body the stored text is checked, as before.
        as("person-ref-7").post(check).then().statusCode(200).body("clean", equalTo(false));
    }

    @Test
    @DisplayName("R-PM-3 the postmortem page has an editor whose script checks the text as it is typed")
    void editorPage() {
        UUID incident = closedIncident();
        given().queryParam("format", "html").get(path(incident)).then().statusCode(200)
                .body(containsString("<form id=\"editor\" data-check=\"/incidents/" + incident + "/postmortem/check\""))
                .body(containsString("<textarea id=\"edit-impact\" name=\"impact\">"))
                .body(containsString("id=\"findings\""))
                .body(containsString("setTimeout(check, 400)"));
    }

    @Test
    @DisplayName("R-PM-3 an explicit override with a reason publishes over open findings and keeps the reason")
    void override() {
        UUID incident = closedIncident();
        as("person-ref-7").contentType("application/json").body(Map.of("overrideReason", " "))
                .post(path(incident) + "/publish").then().statusCode(409);
        as("person-ref-7").contentType("application/json")
                .body(Map.of("overrideReason", "Legal asked for the text as written."))
                .post(path(incident) + "/publish").then().statusCode(200)
                .body("status", equalTo("published"))
                .body("overrideReason", equalTo("Legal asked for the text as written."));
        assertThat(Docs.published(incident, PostmortemPublished.class, 1)).hasSize(1);
    }

    @Test
    @DisplayName("bad postmortem input is a 400 or 401 problem")
    void badInput() {
        UUID incident = closedIncident();
        as("person-ref-7").contentType("application/json").body(Map.of("mood", "fine")).put(path(incident)).then()
                .statusCode(400).contentType("application/problem+json").body("title", equalTo("Unknown section"));
        given().contentType("application/json").body(Map.of("impact", "x")).put(path(incident)).then()
                .statusCode(401);
        given().queryParam("format", "pdf").get(path(incident)).then().statusCode(400);
    }

    @Test
    @DisplayName("R-PM-2 the root cause analysis needs problem, response and prevention; completing it emits "
            + "RootCauseAnalysisCompleted")
    void rootCauseAnalysis() {
        UUID incident = closedIncident();
        String rca = "/incidents/" + incident + "/rca";
        as("person-ref-7").contentType("application/json").body(Map.of("problem", "A flag sent checks to an old "
                + "server.")).put(rca).then().statusCode(200).body("rca.problem", containsString("flag"));
        as("person-ref-7").post(rca + "/publish").then().statusCode(409)
                .body("detail", containsString("response, prevention"));
        as("person-ref-7").contentType("application/json").body(Map.of("response", "The IC turned the flag off.",
                "prevention", "Every flag gets an owner and an alert.")).put(rca).then().statusCode(200);
        as("person-ref-7").post(rca + "/publish").then().statusCode(200)
                .body("rca.completedBy", equalTo("person-ref-7"));
        as("person-ref-7").post(rca + "/publish").then().statusCode(409);

        RootCauseAnalysisCompleted done = Docs.published(incident, RootCauseAnalysisCompleted.class, 1).get(0);
        assertThat(done.postmortemId().toString())
                .isEqualTo(given().get(path(incident)).jsonPath().getString("postmortemId"));
    }
}
