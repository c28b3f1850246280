package io.incident.notification.delivery;

import io.restassured.RestAssured;
import io.incident.runtime.access.SessionCookie;
import io.incident.testkit.Tokens;
import io.incident.events.NotificationDelivered;
import io.incident.events.NotificationFailed;
import io.incident.events.Severity;
import io.incident.notification.VendorStandIn;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.incident.notification.Fixture.ACTOR;
import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.activeIncident;
import static io.incident.notification.Fixture.addStakeholder;
import static io.incident.notification.Fixture.advance;
import static io.incident.notification.Fixture.emitted;
import static io.incident.notification.Fixture.mailTo;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Retries with back-off, the dead-letter list, "retry now", and one broken channel not holding up another. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class RetryAndDeadLetterTest {

    private final VendorStandIn vendor = VendorStandIn.get();

    private static JsonPath delivery(UUID incident, String channel) {
        return given().get("/deliveries?incident=" + incident + "&channel=" + channel).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    @DisplayName("a 503 is retried after its back-off (moved with the clock) and then delivered once")
    void transientFailureIsRetried() {
        String team = uniqueTeam("retry");
        String path = "/hook/" + team;
        vendor.script(path, 503);
        addStakeholder(team, "SI_TEAM", "SEV4", "WEBHOOK", vendor.url(path));
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV2, false);

        // Until the delivery is planned the list is empty and getInt has nothing to read.
        await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> delivery(incident, "WEBHOOK").getInt("[0].attempts") == 1);
        JsonPath waiting = delivery(incident, "WEBHOOK");
        assertThat(waiting.getString("[0].status")).isEqualTo("PENDING");
        assertThat(waiting.getString("[0].lastError")).contains("HTTP 503");

        advance(Duration.ofMinutes(5));
        await().atMost(TIMEOUT).until(() -> "SENT".equals(delivery(incident, "WEBHOOK").getString("[0].status")));
        assertThat(delivery(incident, "WEBHOOK").getInt("[0].attempts")).isEqualTo(2);
        assertThat(vendor.requests(path)).hasSize(2);
        assertThat(emitted(incident, NotificationDelivered.class, 1)).hasSize(1);
    }

    @Test
    @DisplayName("a 4xx is permanent: dead-lettered with the reason and NotificationFailed; retry now sends it once the vendor is fixed")
    void permanentFailureAndRetryNow() {
        String team = uniqueTeam("dead");
        String path = "/hook/" + team;
        vendor.script(path, 404);
        addStakeholder(team, "SI_TEAM", "SEV4", "WEBHOOK", vendor.url(path));
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV2, false);

        NotificationFailed failed = emitted(incident, NotificationFailed.class, 1).get(0);
        assertThat(failed.reason()).contains("HTTP 404");
        assertThat(failed.attempts()).isEqualTo(1);
        given().get("/deliveries?status=FAILED&incident=" + incident).then().statusCode(200)
                .body("[0].lastError", containsString("HTTP 404"));
        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .body(containsString("HTTP 404")).body(containsString("Retry now"));

        String id = failed.notificationId().toString();
        given().post("/deliveries/" + id + "/retry").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).post("/deliveries/" + id + "/retry").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(TIMEOUT).until(() -> "SENT".equals(delivery(incident, "WEBHOOK").getString("[0].status")));
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).post("/deliveries/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("the dashboard's retry-now form puts a failed delivery back in the queue")
    void dashboardRetryForm() {
        String team = uniqueTeam("form");
        String path = "/hook/" + team;
        vendor.script(path, 400);
        addStakeholder(team, "SI_TEAM", "SEV4", "WEBHOOK", vendor.url(path));
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV2, false);
        String id = emitted(incident, NotificationFailed.class, 1).get(0).notificationId().toString();

        // A browser signed in at /session posts the form from the dashboard's own origin.
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(SessionCookie.NAME, Tokens.token(ACTOR, "responder"))
                .header("Origin", "http://localhost:" + RestAssured.port)
                .post("/dashboard/deliveries/" + id + "/retry").then().statusCode(303);
        await().atMost(TIMEOUT).until(() -> "SENT".equals(delivery(incident, "WEBHOOK").getString("[0].status")));
    }

    @Test
    @DisplayName("a chat webhook that keeps failing does not hold up e-mail to the same audience")
    void brokenChannelDoesNotBlockOthers() {
        String team = uniqueTeam("broken");
        String path = "/slack/" + team;
        vendor.alwaysAnswer(path, 500);
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "SLACK", vendor.url(path));
        String owner = uniqueAddress("owner");
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "EMAIL", owner);
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV2, false);

        await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 1);
        for (int i = 0; i < 6; i++) {
            advance(Duration.ofHours(1));
            int attemptsSoFar = i + 1;
            await().atMost(TIMEOUT).ignoreExceptions().until(() -> delivery(incident, "SLACK").getInt("[0].attempts") > attemptsSoFar
                    || "FAILED".equals(delivery(incident, "SLACK").getString("[0].status")));
        }
        assertThat(delivery(incident, "SLACK").getString("[0].status")).isEqualTo("FAILED");
        assertThat(delivery(incident, "SLACK").getInt("[0].attempts")).isEqualTo(6);
        assertThat(emitted(incident, NotificationFailed.class, 1).get(0).reason()).contains("HTTP 500");
    }
}
