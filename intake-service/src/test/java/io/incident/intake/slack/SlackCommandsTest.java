package io.incident.intake.slack;

import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.incident.intake.IntakeApi.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Slack's slash command, signed as Slack signs it, through to the report and its event on Kafka. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class SlackCommandsTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static String body(String channelId, String text, String triggerId) {
        return "token=unused&team_id=T0EXAMPLE&channel_id=" + channelId + "&channel_name=ops&user_id=U0ANA&"
                + "user_name=ana.example&command=%2Fincident&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=https%3A%2F%2Fhooks.slack.example.org%2Fx&trigger_id=" + triggerId;
    }

    private static ValidatableResponse send(String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return given().contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SlackSignature.sign(SlackSignatureTest.SECRET, timestamp,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/slack/commands").then();
    }

    private static IncidentReported reportedWithTitle(String title) {
        List<IncidentEvent> events = IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported r && title.equals(r.title()), 1);
        return (IncidentReported) events.get(0);
    }

    @Test
    @DisplayName("R-REP-1 R-ACK-2 /incident <team>: <title> declares a likely incident, announced in the channel, once")
    void declare() {
        String title = "Checkout returns 502 for all users " + UUID.randomUUID();
        String trigger = "1234." + UUID.randomUUID();
        String reply = send(body("C0OPS", "payments: " + title, trigger)).statusCode(200)
                .body("response_type", equalTo("in_channel")).extract().path("text");
        IncidentReported reported = reportedWithTitle(title);
        assertThat(reported.channel()).isEqualTo(ReportChannel.CHAT);
        assertThat(reported.team()).isEqualTo("payments");
        assertThat(reported.likelyIncident()).as("a person declaring: 5 minutes").isTrue();
        assertThat(reported.description()).contains("@ana.example", "#ops");
        assertThat(reply).contains(reported.incidentId().toString(), "payments");

        // The same command delivered again (a retrying proxy) is the same incident.
        send(body("C0OPS", "payments: " + title, trigger)).statusCode(200)
                .body("text", containsString(reported.incidentId().toString()));
        assertThat(query("select count(*) from report where title = ?", title).get(0).get(0)).isEqualTo(1L);
    }

    @Test
    @DisplayName("in a channel linked to a team the title is enough; elsewhere the caller is asked for the team")
    void linkedChannel() {
        String title = "Refunds time out " + UUID.randomUUID();
        send(body("C0PAYMENTS", title, "1." + UUID.randomUUID())).statusCode(200);
        assertThat(reportedWithTitle(title).team()).isEqualTo("payments");

        send(body("C0OPS", "Refunds time out", "2." + UUID.randomUUID())).statusCode(200)
                .body("response_type", equalTo("ephemeral")).body("text", containsString("Which team"));
        send(body("C0OPS", "help", "3." + UUID.randomUUID())).statusCode(200)
                .body("response_type", equalTo("ephemeral")).body("text", containsString("/incident <team>:"));
        send(body("C0OPS", "Bad Team: x", "4." + UUID.randomUUID())).statusCode(200)
                .body("response_type", equalTo("ephemeral"));
    }

    @Test
    @DisplayName("a request Slack did not sign, or signed too long ago, is refused with 401 problem JSON")
    void unsigned() {
        String body = body("C0OPS", "payments: forged " + UUID.randomUUID(), "5.x");
        given().contentType("application/x-www-form-urlencoded").body(body).post("/slack/commands").then()
                .statusCode(401).contentType("application/problem+json");
        String old = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
        given().contentType("application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", old)
                .header("X-Slack-Signature", SlackSignature.sign(SlackSignatureTest.SECRET, old,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/slack/commands").then().statusCode(401)
                .body("detail", containsString("5 minutes"));
    }
}
