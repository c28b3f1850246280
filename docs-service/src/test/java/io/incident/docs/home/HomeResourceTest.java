package io.incident.docs.home;

import io.incident.docs.Docs;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The operators' home page: open incidents first, filters, links to the document and the other services. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class HomeResourceTest {

    @Test
    @DisplayName("open incidents come before closed ones; filters by team, severity and status narrow the list")
    void listAndFilters() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = TestEvents.now().minusSeconds(600);
        UUID closed = UUID.randomUUID();
        kafka.publish(Docs.reported(closed, "Closed one", team, Severity.SEV2, false, t0));
        kafka.publish(Docs.closed(closed, t0, t0.plusSeconds(60)));
        awaitDocument(closed, 2);
        UUID open = UUID.randomUUID();
        kafka.publish(Docs.reported(open, "Open one", team, Severity.SEV3, false, t0.plusSeconds(120)));
        awaitDocument(open, 1);

        String page = given().accept(ContentType.HTML).queryParam("team", team).get("/").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<a href=\"/incidents/" + open + "/document\">"))
                .body(containsString("/incidents/" + open + "/deadlines\">deadlines</a>"))
                .body(containsString("/incidents/" + open + "\">commander</a>"))
                .extract().asString();
        assertThat(page.indexOf(open.toString())).as("open first, although the closed one changed more recently "
                + "or not").isLessThan(page.indexOf(closed.toString()));

        given().queryParam("team", team).queryParam("status", "closed").get("/").then().statusCode(200)
                .body(containsString(closed.toString())).body(not(containsString(open.toString())));
        given().queryParam("team", team).queryParam("severity", "SEV3").get("/").then()
                .body(containsString(open.toString())).body(not(containsString(closed.toString())));
        given().queryParam("team", team).queryParam("severity", "").queryParam("status", "").get("/").then()
                .statusCode(200).body(containsString(open.toString())).body(containsString(closed.toString()));
        given().queryParam("severity", "SEV9").get("/").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unknown severity"));
    }
}
