package io.incident.notification.routing;

import io.incident.events.CommanderPaged;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.notification.VendorStandIn;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.activeIncident;
import static io.incident.notification.Fixture.addStakeholder;
import static io.incident.notification.Fixture.awaitApplied;
import static io.incident.notification.Fixture.awaitReportRead;
import static io.incident.notification.Fixture.mailTo;
import static io.incident.notification.Fixture.now;
import static io.incident.notification.Fixture.part;
import static io.incident.notification.Fixture.publish;
import static io.incident.notification.Fixture.subject;
import static io.incident.notification.Fixture.teamSettings;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stakeholders hear an incident's end only after its start, and an incident nobody commanded once, whole. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class StakeholderStoryTest {

    private static List<String> recipients(UUID incident, String template) {
        return given().get("/deliveries?incident=" + incident + "&template=" + template).then().statusCode(200)
                .extract().jsonPath().getList("recipient", String.class);
    }

    @Test
    @DisplayName("R-CLS-2 [Resolved] and [Closed] reach the stakeholder told of the incident, not one who never was")
    void endOnlyAfterStart() {
        String team = uniqueTeam("story");
        String told = uniqueAddress("owner");
        String sev2Only = uniqueAddress("cto");
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "EMAIL", told);
        addStakeholder(team, "CTO", "SEV2", "EMAIL", sev2Only);
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV3, false);
        await().atMost(TIMEOUT).until(() -> mailTo(told).size() == 1);
        // Raised to SEV2 later, the CTO's rule now covers the incident, but the CTO was never told it began; and a
        // stakeholder added after the announcement never heard of it either.
        awaitApplied(publish(new SeverityChanged(incident, Severity.SEV3, Severity.SEV2, "person-ref-ic", "wider",
                now()), "/commander-service"));
        String lateComer = uniqueAddress("si");
        addStakeholder(team, "SI_TEAM", "SEV4", "EMAIL", lateComer);

        awaitApplied(publish(new IncidentResolved(incident, "person-ref-ic", now()), "/commander-service"));
        awaitApplied(publish(new IncidentClosed(incident, "person-ref-ic", team, Severity.SEV2, now(), now()),
                "/commander-service"));

        await().atMost(TIMEOUT).until(() -> mailTo(told).size() == 3);
        assertThat(mailTo(told)).extracting(m -> subject(m)).containsExactlyInAnyOrder(
                "[Active Incident] Checkout fails " + incident, "[Resolved] Checkout fails " + incident,
                "[Closed] Checkout fails " + incident);
        assertThat(recipients(incident, "resolved")).containsExactly(told);
        assertThat(recipients(incident, "closed")).containsExactly(told);
        assertThat(mailTo(sev2Only)).isEmpty();
        assertThat(mailTo(lateComer)).isEmpty();
    }

    @Test
    @DisplayName("an alert resolved before anyone acknowledged is told once as opened and resolved with no command taken, never as a bare [Resolved]")
    void resolvedBeforeCommand() {
        String team = uniqueTeam("flap");
        String owner = uniqueAddress("owner");
        String sev1Only = uniqueAddress("cpo");
        String ic = uniqueAddress("ic");
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "EMAIL", owner);
        addStakeholder(team, "CPO", "SEV1", "EMAIL", sev1Only);
        teamSettings(team, Map.of("chatKind", "SLACK", "chatUrl", VendorStandIn.get().url("/slack/" + team),
                "roomTopicUrl", VendorStandIn.get().url("/topic/" + team)));
        VendorStandIn.get().person("person-ref-" + team, ic);
        UUID incident = UUID.randomUUID();
        publish(new IncidentReported(incident, UUID.randomUUID(), team, "Checkout latency high " + incident,
                "p99 above 2 s", ReportChannel.ALERTMANAGER, Severity.SEV3, false, false, false, "am:latency", null,
                List.of(), List.of(), now()), "/intake-service");
        awaitReportRead(incident);
        awaitApplied(publish(new CommanderPaged(incident, team, "person-ref-" + team, 1, Severity.SEV3, false,
                now().plusSeconds(900), now()), "/commander-service"));

        // Alertmanager sends "resolved": commander resolves the incident nobody commands; then it is closed, and
        // the resolve arrives a second time as a new event.
        awaitApplied(publish(new IncidentResolved(incident, "monitoring:ALERTMANAGER", now()), "/commander-service"));
        awaitApplied(publish(new IncidentClosed(incident, "monitoring:ALERTMANAGER", team, Severity.SEV3, now(),
                now()), "/commander-service"));
        EventEnvelope again = publish(new IncidentResolved(incident, "monitoring:ALERTMANAGER", now()),
                "/commander-service");
        awaitApplied(again);

        await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 1);
        MimeMessage told = mailTo(owner).get(0);
        assertThat(subject(told)).isEqualTo("[Opened and resolved, no command taken] Checkout latency high " + incident);
        assertThat(part(told, "text/plain")).contains("before any incident commander took command")
                .contains("monitoring:ALERTMANAGER");
        assertThat(recipients(incident, StoryRule.RESOLVED_BEFORE_COMMAND)).containsExactly(owner);
        assertThat(recipients(incident, "resolved")).isEmpty();
        assertThat(recipients(incident, "closed")).isEmpty();
        assertThat(recipients(incident, "room-topic-reset")).isEmpty();
        assertThat(mailTo(sev1Only)).isEmpty();
        // The paged commander was told by the page; the story's end is for stakeholders, not a second page.
        assertThat(recipients(incident, "page")).containsExactly(ic);
        assertThat(VendorStandIn.get().requests("/slack/" + team)).isEmpty();
        assertThat(VendorStandIn.get().requests("/topic/" + team)).isEmpty();
    }
}
