package io.incident.commander.people;

import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.incident.commander.CommanderApi.ADMIN;
import static io.incident.commander.CommanderApi.as;
import static io.incident.commander.CommanderApi.ensureAdmin;
import static io.incident.commander.CommanderApi.freshTeam;
import static io.incident.commander.CommanderApi.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Agreement 1: GET /people/{ref} and GET /teams/{team}, and managing them. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class DirectoryResourceTest {

    @Test
    @DisplayName("GET /people/{ref} gives the contact methods notification pages through")
    void personContacts() {
        String team = freshTeam();
        String ref = team + "-dana";
        ensureAdmin();
        as(ADMIN).body(Map.of("name", "Dana Example", "email", "dana@example.org", "chatHandle", "@dana",
                "phone", "+1-555-0142", "timeZone", "America/New_York", "team", team)).put("/people/" + ref)
                .then().statusCode(200);
        given().get("/people/" + ref).then().statusCode(200)
                .body("ref", equalTo(ref)).body("name", equalTo("Dana Example"))
                .body("email", equalTo("dana@example.org")).body("chatHandle", equalTo("@dana"))
                .body("phone", equalTo("+1-555-0142")).body("timeZone", equalTo("America/New_York"))
                .body("team", equalTo(team));
        given().get("/people/nobody-" + team).then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("No such person"));
    }

    @Test
    @DisplayName("R-CMD-4 GET /teams/{team} lists role holders, with company-wide roles (CTO) merged in")
    void teamRoles() {
        String team = freshTeam();
        ensureAdmin();
        as(ADMIN).body(Map.of("roles", Map.of("CTO", List.of("cto-ref"), "CPO", List.of("cpo-ref"))))
                .put("/teams/organisation").then().statusCode(200);
        as(ADMIN).body(Map.of("roles", Map.of("PRODUCT_OWNER", List.of(team + "-po")))).put("/teams/" + team)
                .then().statusCode(200);
        given().get("/teams/" + team).then().statusCode(200)
                .body("name", equalTo(team))
                .body("roles.PRODUCT_OWNER", contains(team + "-po"))
                .body("roles.CTO", contains("cto-ref"));
        given().get("/teams/none-" + team).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @DisplayName("bad input is a 400 problem naming what is wrong")
    void validation() {
        ensureAdmin();
        as(ADMIN).body(Map.of("name", "X", "timeZone", "Mars/Olympus")).put("/people/x-ref").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("timeZone"));
        as(ADMIN).body(Map.of("roles", Map.of("KING", List.of("a")))).put("/teams/" + freshTeam())
                .then().statusCode(400).body("detail", containsString("KING"));
        as(ADMIN).body(Map.of()).put("/teams/Not_A_Slug").then().statusCode(400);
        as(ADMIN).body("{not json").put("/people/y-ref").then().statusCode(400);
    }

    @Test
    @DisplayName("only an admin changes the directory: no actor is 401, a non-admin 403")
    void onlyAdmins() {
        String team = freshTeam();
        person(team + "-eve", team);
        given().contentType("application/json").body(Map.of("name", "Eve")).put("/people/" + team + "-eve")
                .then().statusCode(401);
        as(team + "-eve").body(Map.of("name", "Eve", "roles", List.of("admin"))).put("/people/" + team + "-eve")
                .then().statusCode(403);
    }
}
