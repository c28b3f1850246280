package io.incident.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentTriaged;
import io.incident.events.NotificationChannel;
import io.incident.events.NotificationDelivered;
import io.incident.events.Severity;
import io.incident.events.TicketRecorded;
import io.incident.events.TriageDecision;
import io.incident.notification.VendorStandIn;
import io.incident.notification.VendorStandIn.Request;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.activeIncident;
import static io.incident.notification.Fixture.addStakeholder;
import static io.incident.notification.Fixture.emitted;
import static io.incident.notification.Fixture.now;
import static io.incident.notification.Fixture.publish;
import static io.incident.notification.Fixture.reported;
import static io.incident.notification.Fixture.teamSettings;
import static io.incident.notification.Fixture.uniqueTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Chat rooms, room topics, the signed webhook and ticketing, each against a real HTTP server standing in for the vendor. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class ChatAndWebhookChannelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final VendorStandIn vendor = VendorStandIn.get();

    private static JsonNode json(Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Request> awaitRequests(String path, int n) {
        return await().atMost(TIMEOUT).until(() -> vendor.requests(path), l -> l.size() >= n);
    }

    @Test
    @DisplayName("an active incident posts to the team's Slack room and sets the room topic (R-CMD-3); closing resets it (R-CLS-2)")
    void slackRoomAndTopic() {
        String team = uniqueTeam("slack");
        teamSettings(team, Map.of("bridge", "https://meet.example.org/" + team, "chatKind", "SLACK",
                "chatUrl", vendor.url("/slack/" + team), "roomTopicUrl", vendor.url("/topic/" + team)));
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV2, false);

        Request chat = awaitRequests("/slack/" + team, 1).get(0);
        assertThat(json(chat).get("text").asText()).startsWith("*[Active Incident] Checkout fails " + incident + "*");
        // The post names its delivery, so a receiver can drop a second copy after a crash.
        assertThat(chat.header("Idempotency-Key")).isNotBlank();
        Request topic = awaitRequests("/topic/" + team, 1).get(0);
        assertThat(json(topic).get("topic").asText()).isEqualTo("Active Incident. Conference Line: https://meet.example.org/"
                + team + " Incident Document: http://docs.example.org/incidents/" + incident + "/document");

        publish(new IncidentClosed(incident, "person-ref-ic", team, Severity.SEV2, now(), now()), "/commander-service");
        List<Request> topics = awaitRequests("/topic/" + team, 2);
        assertThat(json(topics.get(1)).get("topic").asText())
                .isEqualTo("No current incident - Incident Response Teams: https://wiki.example.org/incident-response-teams");
        assertThat(emitted(incident, NotificationDelivered.class, 4)).extracting(NotificationDelivered::channel)
                .containsOnly(NotificationChannel.CHAT);
    }

    @Test
    @DisplayName("Teams gets an Adaptive Card, Mattermost Markdown, and the generic webhook an HMAC-SHA256 signature that verifies")
    void teamsMattermostAndSignedWebhook() throws Exception {
        String team = uniqueTeam("hooks");
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "TEAMS", vendor.url("/teams/" + team));
        addStakeholder(team, "SERVICE_CENTER", "SEV4", "MATTERMOST", vendor.url("/mattermost/" + team));
        addStakeholder(team, "SI_TEAM", "SEV4", "WEBHOOK", vendor.url("/hook/" + team));
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV3, false);

        JsonNode teams = json(awaitRequests("/teams/" + team, 1).get(0));
        assertThat(teams.get("type").asText()).isEqualTo("message");
        JsonNode card = teams.get("attachments").get(0);
        assertThat(card.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.get("content").get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("content").get("body").get(0).get("text").asText())
                .isEqualTo("[Active Incident] Checkout fails " + incident);

        assertThat(json(awaitRequests("/mattermost/" + team, 1).get(0)).get("text").asText())
                .startsWith("#### [Active Incident] Checkout fails " + incident);

        Request hook = awaitRequests("/hook/" + team, 1).get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(hook.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(hook.header("X-Signature-256")).isEqualTo(expected);
        assertThat(json(hook).get("incidentId").asText()).isEqualTo(incident.toString());
        assertThat(hook.header("X-Delivery-Id")).isEqualTo(json(hook).get("deliveryId").asText());
    }

    @Test
    @DisplayName("a security incident's title never reaches a chat room or webhook")
    void securityTitleStaysOutOfSharedChannels() {
        String team = uniqueTeam("sec");
        teamSettings(team, Map.of("chatKind", "SLACK", "chatUrl", vendor.url("/slack/" + team)));
        addStakeholder(team, "SI_TEAM", "SEV4", "WEBHOOK", vendor.url("/hook/" + team));
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV1, true);

        String chat = awaitRequests("/slack/" + team, 1).get(0).body();
        String hook = awaitRequests("/hook/" + team, 1).get(0).body();
        assertThat(chat).contains("Security incident (details restricted)").doesNotContain("Checkout fails");
        assertThat(hook).contains("Security incident (details restricted)").doesNotContain("Checkout fails");
    }

    @Test
    @DisplayName("a false positive becomes a Jira issue with the label, and TicketRecorded names the issue key")
    void ticketForFalsePositive() {
        String team = uniqueTeam("tickets");
        teamSettings(team, Map.of("ticketUrl", vendor.url("/jira-" + team), "ticketProject", "QPP"));
        UUID incident = UUID.randomUUID();
        reported(incident, team, Severity.SEV3, false);
        publish(new IncidentTriaged(incident, TriageDecision.FALSE_POSITIVE, "person-ref-7", "Monitoring glitch",
                "qpp-incident-response", now()), "/commander-service");

        JsonNode issue = json(awaitRequests("/jira-" + team + "/rest/api/2/issue", 1).get(0)).get("fields");
        assertThat(issue.get("project").get("key").asText()).isEqualTo("QPP");
        assertThat(issue.get("labels").get(0).asText()).isEqualTo("qpp-incident-response");
        assertThat(issue.get("summary").asText()).isEqualTo("[FALSE_POSITIVE] Checkout fails " + incident);
        TicketRecorded ticket = emitted(incident, TicketRecorded.class, 1).get(0);
        assertThat(ticket.ticketRef()).startsWith("QPP-");
        assertThat(ticket.label()).isEqualTo("qpp-incident-response");
    }
}
