package io.incident.commander.incident;

import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.runtime.access.ActionLink;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.incident.commander.CommanderApi.awaitIncident;
import static io.incident.commander.CommanderApi.freshTeam;
import static io.incident.commander.CommanderApi.kafka;
import static io.incident.commander.CommanderApi.lifecycle;
import static io.incident.commander.CommanderApi.now;
import static io.incident.commander.CommanderApi.reported;
import static io.incident.commander.CommanderApi.teamWithPolicy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The page's one-click acknowledge link, signed as the notification service signs it. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class AcknowledgeLinkTest {

    /** The test profile's incident.access.link-secret. */
    private static final String SECRET = "test-action-link-secret";

    @Test
    @DisplayName("R-ACK-2 the page's link shows what it does, acknowledges as the paged person once, and not after it expires")
    void oneClick() {
        String team = freshTeam();
        teamWithPolicy(team, team + "-ana", List.of(), null);
        UUID incident = UUID.randomUUID();
        kafka.publish(reported(incident, team, true, false, false, now()));
        CommanderPaged page = lifecycle(incident, CommanderPaged.class, 1).get(0);
        String path = "/incidents/" + incident + "/acknowledge-link/";
        String token = new ActionLink("acknowledge", incident, page.personRef(), now().plus(Duration.ofHours(2)))
                .token(SECRET);

        // Opening the link (a mail scanner does too) changes nothing.
        given().get(path + token).then().statusCode(200).body(containsString(team + "-ana"))
                .body(containsString("Acknowledge and take command"));
        assertThat(awaitIncident(incident, j -> true).getString("commander")).isNull();

        given().redirects().follow(false).post(path + token).then().statusCode(303);
        assertThat(awaitIncident(incident, j -> j.getString("commander") != null).getString("commander"))
                .isEqualTo(team + "-ana");
        assertThat(lifecycle(incident, CommanderAcknowledged.class, 1)).hasSize(1);
        given().post(path + token).then().statusCode(410).contentType("application/problem+json");

        // Expired, forged, or for another incident: refused, nothing done.
        UUID other = UUID.randomUUID();
        kafka.publish(reported(other, team, true, false, false, now()));
        lifecycle(other, CommanderPaged.class, 1);
        String otherPath = "/incidents/" + other + "/acknowledge-link/";
        String expired = new ActionLink("acknowledge", other, team + "-ana", Instant.now().minusSeconds(1))
                .token(SECRET);
        given().post(otherPath + expired).then().statusCode(410).body("title", org.hamcrest.Matchers.equalTo(
                "Link expired"));
        given().post(otherPath + new ActionLink("acknowledge", other, team + "-ana",
                now().plus(Duration.ofHours(1))).token("not-the-secret")).then().statusCode(403);
        given().post(otherPath + token).then().statusCode(403).body("detail", containsString("another incident"));
        assertThat(awaitIncident(other, j -> true).getString("commander")).isNull();
    }
}
