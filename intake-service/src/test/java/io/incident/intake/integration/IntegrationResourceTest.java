package io.incident.intake.integration;

import io.incident.testkit.Tokens;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.intake.IntakeApi.createPagerDuty;
import static io.incident.intake.IntakeApi.enqueue;
import static io.incident.intake.IntakeApi.query;
import static io.incident.intake.IntakeApi.trigger;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class IntegrationResourceTest {

    @Test
    @DisplayName("R-REP-1 creating an integration shows its 32-character key once; a tool needs only that key to report")
    void createShowsKeyOnce() {
        var created = given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).contentType(ContentType.JSON)
                .body(Map.of("team", "payments", "name", "Checkout Prometheus", "type", "pagerduty"))
                .post("/integrations").then().statusCode(201)
                .header("Location", containsString("/integrations/"))
                .header("Cache-Control", "no-store")
                .body("team", equalTo("payments"))
                .body("name", equalTo("Checkout Prometheus"))
                .body("type", equalTo("PAGERDUTY"))
                .body("enabled", equalTo(true))
                .body("intakeAddress", equalTo("payments-incident-report@incidents.example.org"))
                .body("key", matchesPattern("[0-9a-f]{32}"))
                .extract();
        String id = created.path("id");
        String key = created.path("key");

        enqueue(trigger(key, "create-" + UUID.randomUUID(), "warning", "Checkout latency over 2 s"))
                .statusCode(202).body("status", equalTo("success"));

        given().get("/integrations/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("intakeAddress", equalTo("payments-incident-report@incidents.example.org"))
                .body("key", nullValue())
                .body(not(containsString(key)));
        given().get("/integrations?team=payments").then().statusCode(200)
                .body("id", hasItem(id))
                .body(not(containsString(key)));
        given().get("/integrations").then().statusCode(200).body("id", hasItem(id)).body(not(containsString(key)));
        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .body(containsString("Checkout Prometheus")).body(not(containsString(key)));
    }

    @Test
    @DisplayName("the stored value is the key's SHA-256, never the key")
    void storesOnlyTheHash() {
        IntakeApi.Created created = createPagerDuty("search");
        List<List<Object>> rows = query("select key_hash from integration where id = ?", UUID.fromString(created.id()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(0)).isEqualTo(IntegrationKeys.hash(created.key())).isNotEqualTo(created.key());
        assertThat(query("select id from integration where key_hash = ? or team = ? or name = ?",
                created.key(), created.key(), created.key())).isEmpty();
    }

    @Test
    @DisplayName("rotating shows a new key; the old one is refused from that moment, the new one works")
    void rotate() {
        IntakeApi.Created created = createPagerDuty("checkout");
        String newKey = given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + created.id() + "/rotate").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(created.id()))
                .body("key", matchesPattern("[0-9a-f]{32}"))
                .extract().path("key");
        assertThat(newKey).isNotEqualTo(created.key());

        enqueue(trigger(created.key(), "rotate-" + UUID.randomUUID(), "error", "Old key"))
                .statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo("invalid event"))
                .body("errors", hasItem("Invalid routing key"));
        enqueue(trigger(newKey, "rotate-" + UUID.randomUUID(), "error", "New key")).statusCode(202);
        given().get("/integrations/" + created.id()).then().body(not(containsString(newKey)));
    }

    @Test
    @DisplayName("a disabled integration's key is refused; it cannot be rotated; disabling twice is harmless")
    void disable() {
        IntakeApi.Created created = createPagerDuty("identity");
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + created.id() + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledAt", notNullValue())
                .body("key", nullValue());
        enqueue(trigger(created.key(), "disabled-" + UUID.randomUUID(), "critical", "Login fails"))
                .statusCode(400).body("errors", hasItem("Invalid routing key"));
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + created.id() + "/rotate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Integration is disabled"));
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + created.id() + "/disable").then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    @DisplayName("a key only works on the endpoint of its integration's type")
    void keyOfAnotherType() {
        IntakeApi.Created generic = IntakeApi.createIntegration("payments", "Uptime checks", "GENERIC");
        enqueue(trigger(generic.key(), "generic-" + UUID.randomUUID(), "error", "Checkout down"))
                .statusCode(400).body("errors", hasItem("Invalid routing key"));
    }

    @Test
    @DisplayName("bad requests get problem JSON naming each field; unknown integrations get 404")
    void badRequests() {
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).contentType(ContentType.JSON).body(Map.of("team", "Pay Ments", "type", "NAGIOS"))
                .post("/integrations").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid integration"))
                .body("errors.field", hasItems("team", "name", "type"));
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).contentType(ContentType.JSON).body("{\"team\":")
                .post("/integrations").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).contentType(ContentType.JSON).body("")
                .post("/integrations").then().statusCode(400).contentType("application/problem+json");
        given().get("/integrations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("No such integration"));
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + UUID.randomUUID() + "/rotate").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(IntakeApi.ACTOR, "admin")).post("/integrations/" + UUID.randomUUID() + "/disable").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/integrations/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @DisplayName("changing integrations needs an admin (401 problem JSON without a token, 403 without the role)")
    void actorRequired() {
        given().contentType(ContentType.JSON).body(Map.of("team", "payments", "name", "No actor", "type",
                "GENERIC")).post("/integrations").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("bearer token"));
        given().header("Authorization", Tokens.bearer("a-responder", "responder")).contentType(ContentType.JSON)
                .body(Map.of("team", "payments", "name", "Not admin", "type", "GENERIC")).post("/integrations")
                .then().statusCode(403).contentType("application/problem+json");
        IntakeApi.Created created = IntakeApi.createIntegration("payments", "With actor", "GENERIC");
        given().post("/integrations/" + created.id() + "/disable").then().statusCode(401);
        given().post("/integrations/" + created.id() + "/signing-secret").then().statusCode(401);
        given().get("/integrations/" + created.id()).then().statusCode(200).body("enabled", equalTo(true));
    }
}
