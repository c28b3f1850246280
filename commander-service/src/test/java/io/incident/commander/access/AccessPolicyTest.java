package io.incident.commander.access;

import io.incident.commander.CommanderApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The platform's access policy as deployed: reads need a token too, and every change is in the audit log. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@TestProfile(AccessPolicyTest.AsDeployed.class)
class AccessPolicyTest {

    public static class AsDeployed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incident.access.anonymous-read", "false");
        }
    }

    @Test
    @DisplayName("without a token reads are 401 problem JSON; health, metrics and sign-in stay open")
    void readsNeedAToken() {
        given().get("/teams").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().accept("*/*").get("/").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("reader-1", "responder")).get("/teams").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/session").then().statusCode(200).body(containsString("Not signed in"));
    }

    @Test
    @DisplayName("a browser without a session is sent to sign in and back to the page it wanted; an API client gets 401")
    void browserSignIn() {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").redirects().follow(false)
                .get("/teams?team=payments").then().statusCode(303)
                .header("Location", endsWith("/session?next=%2Fteams%3Fteam%3Dpayments"));
        given().accept("*/*").get("/teams").then().statusCode(401).contentType("application/problem+json");
        given().get("/session?next=/teams?team=payments").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/teams?team=payments\""));
        given().contentType(ContentType.URLENC).formParam("token", Tokens.token("reader-3", "responder"))
                .formParam("next", "/teams?team=payments").redirects().follow(false).post("/session")
                .then().statusCode(303).header("Location", endsWith("/teams?team=payments"));
        given().contentType(ContentType.URLENC).formParam("token", Tokens.token("reader-3", "responder"))
                .formParam("next", "//evil.example.net/").redirects().follow(false).post("/session")
                .then().statusCode(303).header("Location", not(containsString("evil")));

        // An expired or foreign session cookie: the browser signs in again, with the cookie cleared.
        String foreign = io.incident.local.AccessTokens.generate().token("reader-3", "responder");
        given().accept("text/html").cookie("incident_token", foreign).redirects().follow(false).get("/teams")
                .then().statusCode(303).header("Location", endsWith("/session?next=%2Fteams"))
                .header("Set-Cookie", containsString("incident_token=;"));
        given().accept("application/json").cookie("incident_token", foreign).get("/teams").then()
                .statusCode(401);
    }

    @Test
    @DisplayName("a token from another issuer's key is refused even on a public page")
    void foreignTokenRefused() {
        String token = io.incident.local.AccessTokens.generate().token("mallory", "admin");
        given().header("Authorization", "Bearer " + token).get("/teams").then().statusCode(401)
                .body("title", equalTo("Token refused"));
        given().header("Authorization", "Bearer " + token).get("/session").then().statusCode(401);
    }

    @Test
    @DisplayName("signing in at /session sets an HttpOnly, SameSite=Strict cookie; a bad token is refused")
    void signIn() {
        given().contentType(ContentType.URLENC).formParam("token", Tokens.token("reader-2", "responder"))
                .redirects().follow(false).post("/session").then().statusCode(303)
                .header("Set-Cookie", containsString("incident_token="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        given().contentType(ContentType.URLENC).formParam("token", "nonsense").redirects().follow(false)
                .post("/session").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @DisplayName("the audit log records who changed what, refusals included; only admins and security read it")
    void auditLog() {
        CommanderApi.ensureAdmin();
        String team = "audit-" + System.nanoTime();
        CommanderApi.as(CommanderApi.ADMIN).body(Map.of("roles", Map.of())).put("/teams/" + team)
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer("intruder-1")).contentType(ContentType.JSON)
                .body(Map.of("roles", Map.of())).put("/teams/" + team + "-x").then().statusCode(403);

        given().header("Authorization", Tokens.bearer("intruder-1", "responder")).get("/admin/audit")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(CommanderApi.ADMIN, "admin"))
                .get("/admin/audit?actor=" + CommanderApi.ADMIN).then().statusCode(200)
                .body("path", hasItem("/teams/" + team)).body("method", hasItem("PUT"))
                .body("path", not(hasItem("/teams/" + team + "-x")));
        given().header("Authorization", Tokens.bearer("auditor-1", "security"))
                .get("/admin/audit?actor=intruder-1").then().statusCode(200)
                .body("find { it.path == '/teams/" + team + "-x' }.status", equalTo(403));
    }
}
