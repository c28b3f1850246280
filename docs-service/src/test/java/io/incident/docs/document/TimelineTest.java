package io.incident.docs.document;

import io.incident.docs.Docs;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.incident.testkit.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** R-DOC-1: the timeline holds every topic's events in order, the header follows them, and the chain holds. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class TimelineTest {

    @Test
    @DisplayName("R-DOC-1 events of every topic join the timeline in time order with actor, and set the header")
    void everyTopic() {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(600);
        kafka.publish(Docs.reported(incident, "Checkout returns 502", "payments", Severity.SEV2, false, t0));
        awaitDocument(incident, 1);
        assertThat(given().get("/incidents/" + incident + "/document").jsonPath().getString("status"))
                .as("reported until an IC acknowledges").isEqualTo("reported");

        kafka.publish(Docs.paged(incident, "person-ref-7", t0.plusSeconds(1)));
        kafka.publish(Docs.deadlineScheduled(incident, t0.plusSeconds(2)));
        kafka.publish(Docs.acknowledged(incident, "person-ref-7", "payments", t0.plusSeconds(60)));
        kafka.publish(Docs.delivered(incident, t0.plusSeconds(61)));
        kafka.publish(Docs.severityChanged(incident, Severity.SEV2, Severity.SEV1, t0.plusSeconds(120)));

        JsonPath doc = awaitDocument(incident, 6);
        assertThat(doc.getList("timeline.kind", String.class)).containsExactly("reported", "commander-paged",
                "deadline-scheduled", "commander-acknowledged", "notified", "severity-changed");
        assertThat(doc.getList("timeline.actor", String.class)).containsExactly("reporter-ref-1",
                "commander-service", "deadline-service", "person-ref-7", "notification-service", "person-ref-7");
        assertThat(Instant.parse(doc.getString("timeline[3].at"))).isEqualTo(t0.plusSeconds(60));
        assertThat(doc.getString("status")).isEqualTo("active");
        assertThat(doc.getString("commander")).isEqualTo("person-ref-7");
        assertThat(doc.getString("severity")).isEqualTo("SEV1");
        assertThat(doc.getString("roles.commander")).isEqualTo("person-ref-7");
        assertThat(doc.getString("links.commander")).endsWith("/incidents/" + incident);

        given().get("/incidents/" + incident + "/timeline/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("entries", equalTo(6));
    }

    @Test
    @DisplayName("R-DOC-1 an event that overtakes its incident's report waits and joins the timeline in order")
    void earlyEvent() {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(300);
        kafka.publish(Docs.paged(incident, "person-ref-7", t0.plusSeconds(1)));
        kafka.publish(Docs.acknowledged(incident, "person-ref-7", "payments", t0.plusSeconds(30)));
        // The lifecycle events are consumed on their own topic; publishing the report after them lets them arrive
        // first in practice, and the outcome does not depend on which one wins.
        kafka.publish(Docs.reported(incident, "Search is slow", "search", Severity.SEV3, false, t0));

        JsonPath doc = awaitDocument(incident, 3);
        assertThat(doc.getList("timeline.kind", String.class)).containsExactly("reported", "commander-paged",
                "commander-acknowledged");
        assertThat(doc.getString("status")).isEqualTo("active");
        given().get("/incidents/" + incident + "/timeline/verify").then().body("ok", equalTo(true));
    }

    @Test
    @DisplayName("R-DOC-1 editing a stored timeline row is caught by the verification, at that entry")
    void tamperingIsCaught() throws Exception {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(300);
        kafka.publish(Docs.reported(incident, "Login fails", "identity", Severity.SEV2, false, t0));
        awaitDocument(incident, 1);
        Docs.as("person-ref-7").contentType("application/json")
                .body("{\"kind\":\"update\",\"text\":\"Rolled back the login service.\"}")
                .post("/incidents/" + incident + "/entries").then().statusCode(201);
        Docs.as("person-ref-7").contentType("application/json")
                .body("{\"kind\":\"decision\",\"text\":\"Keep the old version until Monday.\"}")
                .post("/incidents/" + incident + "/entries").then().statusCode(201);
        given().get("/incidents/" + incident + "/timeline/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("entries", equalTo(3));

        long changedId;
        try (Connection c = TestInfrastructure.get().connect("docs");
             PreparedStatement update = c.prepareStatement("update timeline_entry set text = 'Nothing happened.'"
                     + " where id = (select e.id from timeline_entry e join document d on d.id = e.document_id"
                     + " where d.incident_id = ? and e.kind = 'update') returning id")) {
            update.setObject(1, incident);
            var rs = update.executeQuery();
            assertThat(rs.next()).isTrue();
            changedId = rs.getLong(1);
        }

        JsonPath result = given().get("/incidents/" + incident + "/timeline/verify").then().statusCode(200)
                .extract().jsonPath();
        assertThat(result.getBoolean("ok")).isFalse();
        assertThat(result.getLong("brokenAt.entryId")).isEqualTo(changedId);
        assertThat(result.getInt("brokenAt.position")).isEqualTo(2);
        assertThat(result.getString("brokenAt.reason")).contains("changed");
    }
}
