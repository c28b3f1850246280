package io.incident.docs.security;

import io.incident.docs.Docs;
import io.incident.events.DocumentUpdated;
import io.incident.events.SecurityFormFiled;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.incident.docs.Docs.as;
import static io.incident.docs.Docs.asSecurity;
import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** R-DOC-1, R-SEC-1, R-SEC-5: a security incident's document is restricted and carries the runbook checklist. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class SecurityIncidentTest {

    private static UUID securityIncident(String title) {
        UUID incident = UUID.randomUUID();
        Instant t0 = TestEvents.now().minusSeconds(120);
        kafka.publish(Docs.reported(incident, title, "si", Severity.SEV1, true, t0));
        kafka.publish(Docs.acknowledged(incident, "person-ref-7", "si", t0.plusSeconds(30)));
        awaitDocument(incident, 2, "auditor-ref-1", "security");
        return incident;
    }

    @Test
    @DisplayName("R-DOC-1 only the security role and the participants read a security document; others get 404")
    void restricted() {
        UUID incident = securityIncident("Leaked token " + UUID.randomUUID());
        String path = "/incidents/" + incident + "/document";
        given().get(path).then().statusCode(404).contentType("application/problem+json");
        as("person-ref-55").get(path).then().statusCode(404);
        as("person-ref-55").queryParam("format", "md").get(path).then().statusCode(404);
        as("person-ref-55").get("/incidents/" + incident + "/timeline/verify").then().statusCode(404);
        as("person-ref-55").get("/incidents/" + incident + "/postmortem").then().statusCode(404);
        as("person-ref-55").get("/incidents/" + incident + "/document/stream").then().statusCode(404);
        asSecurity("auditor-ref-1").get(path).then().statusCode(200).body("security", equalTo(true));
        as("person-ref-7").get(path).then().statusCode(200).body("commander", equalTo("person-ref-7"));
        // Reporting is not taking part: the reporter is not in the restricted audience.
        as("reporter-ref-1").get(path).then().statusCode(404);
        as("person-ref-55").contentType("application/json").body("{\"kind\":\"update\",\"text\":\"x\"}")
                .post("/incidents/" + incident + "/entries").then().statusCode(404);

        given().get("/").then().statusCode(200).body(not(containsString(incident.toString())));
        asSecurity("auditor-ref-1").get("/").then().statusCode(200).body(containsString(incident.toString()));
    }

    @Test
    @DisplayName("R-SEC-5 the runbook's steps are a checklist on the document, ticked one by one")
    void checklist() {
        UUID incident = securityIncident("Suspicious logins");
        String path = "/incidents/" + incident + "/checklist";
        as("person-ref-7").get(path).then().statusCode(200).body("size()", equalTo(20))
                .body("[0].key", equalTo("receive")).body("[19].key", equalTo("postmortem"))
                .body("done", not(org.hamcrest.Matchers.hasItem(true)));
        as("person-ref-7").post(path + "/forensics-snapshots/done").then().statusCode(200)
                .body("done", equalTo(true)).body("doneBy", equalTo("person-ref-7"));
        as("person-ref-7").post(path + "/forensics-snapshots/done").then().statusCode(200);
        as("person-ref-7").post(path + "/no-such-step/done").then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(awaitDocument(incident, 3, "person-ref-7").getList("checklist.done", Boolean.class))
                .containsOnlyOnce(true);
        assertThat(Docs.published(incident, DocumentUpdated.class, 1).get(0).entryKind()).isEqualTo("checklist");
    }

    @Test
    @DisplayName("R-SEC-1 filing the security form emits SecurityFormFiled once; a second filing is a 409")
    void securityForm() {
        UUID incident = securityIncident("Malware on a laptop");
        String path = "/incidents/" + incident + "/security-form";
        as("person-ref-8").contentType("application/json").body("{\"summary\":\"Laptop isolated.\"}").post(path)
                .then().statusCode(404);
        asSecurity("person-ref-8").contentType("application/json").body("{\"summary\":\"Laptop isolated.\"}")
                .post(path).then().statusCode(201).body("filedBy", equalTo("person-ref-8"));
        asSecurity("person-ref-8").contentType("application/json").body("{}").post(path).then().statusCode(409)
                .contentType("application/problem+json");

        SecurityFormFiled filed = Docs.published(incident, SecurityFormFiled.class, 1).get(0);
        assertThat(filed.filedBy()).isEqualTo("person-ref-8");
        assertThat(awaitDocument(incident, 3, "person-ref-7").getString("timeline[2].kind"))
                .isEqualTo("security-form");
    }

    @Test
    @DisplayName("R-SEC-1 the checklist and the form belong to security incidents only")
    void notSecurity() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Slow search"));
        awaitDocument(incident, 1);
        as("person-ref-7").get("/incidents/" + incident + "/checklist").then().statusCode(409)
                .body("title", equalTo("Not a security incident"));
        as("person-ref-7").contentType("application/json").body("{}")
                .post("/incidents/" + incident + "/security-form").then().statusCode(409);
    }
}
