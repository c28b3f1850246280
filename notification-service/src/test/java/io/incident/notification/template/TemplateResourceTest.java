package io.incident.notification.template;

import io.incident.testkit.Tokens;
import io.incident.events.IncidentResolved;
import io.incident.events.Severity;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.incident.notification.Fixture.ACTOR;
import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.activeIncident;
import static io.incident.notification.Fixture.addStakeholder;
import static io.incident.notification.Fixture.body;
import static io.incident.notification.Fixture.mailTo;
import static io.incident.notification.Fixture.now;
import static io.incident.notification.Fixture.publish;
import static io.incident.notification.Fixture.subject;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Templates an operator edits while the service runs: defaults, preview, validation, and use in real messages. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class TemplateResourceTest {

    @Test
    @DisplayName("defaults are listed and preview renders the close question with sample values and overrides")
    void listAndPreview() {
        given().get("/templates").then().statusCode(200)
                .body("name", hasItems("page", "active-incident", "close-proposed", "room-topic-reset", "ticket"));
        given().header("Authorization", Tokens.bearer(ACTOR, "responder")).contentType(ContentType.JSON)
                .body(Map.of("values", Map.of("objectionUrl", "http://x.example.org/o")))
                .post("/templates/close-proposed/preview").then().statusCode(200)
                .body("subject", equalTo("Is anyone opposed to me closing this incident? Checkout answers with errors"))
                .body("body", containsString("http://x.example.org/o"));
        given().header("Authorization", Tokens.bearer(ACTOR, "responder")).contentType(ContentType.JSON)
                .body(Map.of("subject", "Hi {nobodyKnowsMe}")).post("/templates/closed/preview").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("nobodyKnowsMe"));
    }

    @Test
    @DisplayName("an edited template is used for the next message; one that does not render is refused; reset restores the default")
    void editUseAndReset() {
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON)
                .body(Map.of("subject", "Fixed: {title}", "body", "{unknownValue}"))
                .put("/templates/resolved").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("subject", "x", "body", "y"))
                .put("/templates/resolved").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON)
                .body(Map.of("subject", "Fixed: {title}", "body", "All good again ({severity})."))
                .put("/templates/resolved").then().statusCode(200).body("customised", equalTo(true));
        try {
            String team = uniqueTeam("tpl");
            String owner = uniqueAddress("owner");
            addStakeholder(team, "PRODUCT_OWNER", "SEV4", "EMAIL", owner);
            UUID incident = UUID.randomUUID();
            activeIncident(incident, team, Severity.SEV2, false);
            await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 1);
            publish(new IncidentResolved(incident, "person-ref-ic", now()), "/commander-service");
            await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 2);
            var resolved = mailTo(owner).stream().filter(m -> subject(m).startsWith("Fixed:")).findFirst().orElseThrow();
            assertThat(subject(resolved)).isEqualTo("Fixed: Checkout fails " + incident);
            assertThat(body(resolved)).contains("All good again (SEV2).");
        } finally {
            given().header("Authorization", Tokens.bearer(ACTOR, "admin")).delete("/templates/resolved").then().statusCode(200)
                    .body("customised", equalTo(false)).body("subject", equalTo("[Resolved] {title}"));
        }
        given().get("/templates/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
