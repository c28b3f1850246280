package io.incident.docs.writing;

import io.incident.docs.Docs;
import io.incident.events.DocumentUpdated;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.incident.docs.Docs.as;
import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** R-DOC-1, R-DOC-2: what the IC and the team write into the document, each entry a DocumentUpdated. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class WritingResourceTest {

    private static UUID newIncident() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Checkout returns 502"));
        awaitDocument(incident, 1);
        return incident;
    }

    private static void write(UUID incident, String json) {
        as("person-ref-7").contentType("application/json").body(json)
                .post("/incidents/" + incident + "/entries").then().statusCode(201);
    }

    @Test
    @DisplayName("R-DOC-2 each written entry is on the timeline with its actor and raises DocumentUpdated(entryKind)")
    void entries() {
        UUID incident = newIncident();
        write(incident, "{\"kind\":\"update\",\"text\":\"Nothing new; still looking at the load balancer.\"}");
        write(incident, "{\"kind\":\"status-summary\",\"text\":\"Checkout fails for one in five buyers.\"}");
        write(incident, "{\"kind\":\"evidence\",\"text\":\"Error rate graph\","
                + "\"link\":\"https://grafana.example.org/d/checkout\"}");
        write(incident, "{\"kind\":\"decision\",\"text\":\"Roll back release 42.\"}");
        write(incident, "{\"kind\":\"leadership-update\",\"text\":\"SEV2, mitigation under way.\"}");

        JsonPath doc = awaitDocument(incident, 6);
        assertThat(doc.getList("timeline.kind", String.class)).containsExactly("reported", "update",
                "status-summary", "evidence", "decision", "leadership-update");
        assertThat(doc.getList("timeline.actor", String.class).subList(1, 6)).containsOnly("person-ref-7");
        assertThat(doc.getString("statusSummary")).isEqualTo("Checkout fails for one in five buyers.");
        assertThat(doc.getList("decisions.text", String.class)).containsExactly("Roll back release 42.");
        assertThat(doc.getList("evidence.link", String.class)).containsExactly("https://grafana.example.org/d/checkout");
        assertThat(doc.getInt("revision")).isEqualTo(6);

        List<DocumentUpdated> updates = Docs.published(incident, DocumentUpdated.class, 5);
        assertThat(updates).extracting(DocumentUpdated::entryKind).containsExactly("update", "status-summary",
                "evidence", "decision", "leadership-update");
        assertThat(updates).extracting(DocumentUpdated::revision).containsExactly(2, 3, 4, 5, 6);
        assertThat(updates.get(0).documentId().toString()).isEqualTo(doc.getString("documentId"));
    }

    @Test
    @DisplayName("writing needs an authenticated person (401), a known kind, text, and evidence needs a web link (400), as problem JSON")
    void badRequests() {
        UUID incident = newIncident();
        String path = "/incidents/" + incident + "/entries";
        given().contentType("application/json").body("{\"kind\":\"update\",\"text\":\"x\"}").post(path).then()
                .statusCode(401).contentType("application/problem+json").body("detail", containsString("bearer token"));
        as("person-ref-7").contentType("application/json").body("{\"kind\":\"gossip\",\"text\":\"x\"}").post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Unknown entry kind"));
        as("person-ref-7").contentType("application/json").body("{\"kind\":\"update\",\"text\":\" \"}").post(path)
                .then().statusCode(400).body("title", equalTo("Missing text"));
        as("person-ref-7").contentType("application/json").body("{\"kind\":\"evidence\",\"text\":\"graph\"}")
                .post(path).then().statusCode(400).body("title", equalTo("Missing link"));
        as("person-ref-7").contentType("application/json")
                .body("{\"kind\":\"evidence\",\"text\":\"graph\",\"link\":\"javascript:alert(1)\"}").post(path)
                .then().statusCode(400).body("title", equalTo("Invalid link"));
        as("person-ref-7").contentType("application/json").body("{\"kind\":\"update\",\"text\":\"x\"}")
                .post("/incidents/" + UUID.randomUUID() + "/entries").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(awaitDocument(incident, 1).getInt("revision")).as("nothing was written").isEqualTo(1);
    }

    @Test
    @DisplayName("R-PM-1 action items have an owner, a due date and a ticket link; they are listed and marked done once")
    void actionItems() {
        UUID incident = newIncident();
        String path = "/incidents/" + incident + "/action-items";
        String id = as("person-ref-7").contentType("application/json")
                .body("{\"title\":\"Alert on disk usage\",\"owner\":\"person-ref-3\",\"dueDate\":\"2026-12-01\","
                        + "\"ticketLink\":\"https://jira.example.org/browse/OPS-7\"}")
                .post(path).then().statusCode(201).body("done", equalTo(false)).extract().path("id");
        as("person-ref-7").contentType("application/json")
                .body("{\"title\":\"No date\",\"owner\":\"person-ref-3\"}").post(path).then().statusCode(400)
                .body("title", equalTo("Missing dueDate"));
        as("person-ref-7").contentType("application/json")
                .body("{\"title\":\"Bad date\",\"owner\":\"person-ref-3\",\"dueDate\":\"soon\"}").post(path).then()
                .statusCode(400).contentType("application/problem+json");

        given().get(path).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].owner", equalTo("person-ref-3")).body("[0].dueDate", equalTo("2026-12-01"))
                .body("[0].ticketLink", equalTo("https://jira.example.org/browse/OPS-7"));
        as("person-ref-3").post(path + "/" + id + "/done").then().statusCode(200).body("done", equalTo(true))
                .body("doneBy", equalTo("person-ref-3"));
        as("person-ref-3").post(path + "/" + id + "/done").then().statusCode(200);
        as("person-ref-3").post(path + "/" + UUID.randomUUID() + "/done").then().statusCode(404);

        JsonPath doc = awaitDocument(incident, 3);
        assertThat(doc.getList("timeline.kind", String.class)).containsExactly("reported", "action-item",
                "action-item");
        assertThat(doc.getBoolean("actionItems[0].done")).isTrue();
        assertThat(Docs.published(incident, DocumentUpdated.class, 2)).extracting(DocumentUpdated::entryKind)
                .containsExactly("action-item", "action-item");
    }

    @Test
    @DisplayName("R-DOC-1 the IC sets the bridge, which shows in the header")
    void bridge() {
        UUID incident = newIncident();
        as("person-ref-7").contentType("application/json").body("{\"url\":\"https://meet.example.org/inc\"}")
                .put("/incidents/" + incident + "/bridge").then().statusCode(200);
        JsonPath doc = awaitDocument(incident, 2);
        assertThat(doc.getString("bridge")).isEqualTo("https://meet.example.org/inc");
        given().queryParam("format", "md").get("/incidents/" + incident + "/document").then()
                .body(containsString("- Bridge: https://meet.example.org/inc\n"));
    }
}
