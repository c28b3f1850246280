package io.incident.notification.stakeholder;

import io.incident.testkit.Tokens;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.incident.notification.Fixture.ACTOR;
import static io.incident.notification.Fixture.addStakeholder;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The stakeholder list and team settings refuse what could never be delivered, as problem JSON. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class StakeholderResourceTest {

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body, String actor) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (actor != null) {
            request = request.header("Authorization", Tokens.bearer(actor, "admin"));
        }
        return request.post("/stakeholders").then();
    }

    @Test
    @DisplayName("stakeholders are added, listed by team (with company-wide ones) and removed")
    void addListRemove() {
        String team = uniqueTeam("crud");
        String owner = uniqueAddress("owner");
        String id = addStakeholder(team, "product_owner", "SEV2", "email", owner);
        given().get("/stakeholders?team=" + team).then().statusCode(200)
                .body("address", hasItem(owner)).body("find { it.address == '" + owner + "' }.role",
                        equalTo("PRODUCT_OWNER"));
        post(Map.of("team", team, "role", "PRODUCT_OWNER", "minSeverity", "SEV2", "channel", "EMAIL",
                "address", owner), ACTOR).statusCode(409).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).delete("/stakeholders/" + id).then().statusCode(204);
        given().get("/stakeholders?team=" + team).then().body("address", not(hasItem(owner)));
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).delete("/stakeholders/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("bad input is a 400 problem naming the field; no token is 401, a token without admin 403")
    void validation() {
        Map<String, Object> good = Map.of("team", "payments", "role", "CTO", "minSeverity", "SEV1", "channel", "EMAIL",
                "address", uniqueAddress("cto"));
        post(good, null).statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("a-responder", "responder")).contentType(ContentType.JSON)
                .body(good).post("/stakeholders").then().statusCode(403).contentType("application/problem+json");
        post(Map.of("team", "payments", "role", "JANITOR", "channel", "EMAIL", "address", "a@example.org"), ACTOR)
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("role"));
        post(Map.of("team", "payments", "role", "CTO", "channel", "EMAIL", "address", "not-an-address"), ACTOR)
                .statusCode(400).body("detail", containsString("e-mail"));
        post(Map.of("team", "payments", "role", "CTO", "channel", "SLACK", "address", "ftp://x"), ACTOR)
                .statusCode(400).body("detail", containsString("URL"));
        post(Map.of("team", "Not A Slug", "role", "CTO", "channel", "EMAIL", "address", "a@example.org"), ACTOR)
                .statusCode(400).body("detail", containsString("slug"));
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON).body("{\"team\": [").post("/stakeholders")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @DisplayName("team settings are saved and read back; half a chat or ticketing setting is refused")
    void teamSettings() {
        String team = uniqueTeam("settings");
        given().get("/teams/" + team + "/settings").then().statusCode(404);
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON)
                .body(Map.of("bridge", "https://meet.example.org/x", "chatKind", "TEAMS",
                        "chatUrl", "https://chat.example.org/hook"))
                .put("/teams/" + team + "/settings").then().statusCode(200);
        given().get("/teams/" + team + "/settings").then().statusCode(200)
                .body("chatKind", equalTo("TEAMS")).body("bridge", equalTo("https://meet.example.org/x"));
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON)
                .body(Map.of("ticketUrl", "https://jira.example.org"))
                .put("/teams/" + team + "/settings").then().statusCode(400)
                .body("detail", containsString("ticketProject"));
    }
}
