package io.incident.notification.routing;

import io.incident.events.BlockerRaised;
import io.incident.events.CloseProposed;
import io.incident.events.DocumentUpdated;
import io.incident.events.HandOffDisputed;
import io.incident.events.IncidentReported;
import io.incident.events.NotificationDelivered;
import io.incident.events.ReportChannel;
import io.incident.events.SecurityFormFiled;
import io.incident.events.Severity;
import io.incident.notification.VendorStandIn;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.activeIncident;
import static io.incident.notification.Fixture.addStakeholder;
import static io.incident.notification.Fixture.body;
import static io.incident.notification.Fixture.emitted;
import static io.incident.notification.Fixture.mailTo;
import static io.incident.notification.Fixture.now;
import static io.incident.notification.Fixture.publish;
import static io.incident.notification.Fixture.reported;
import static io.incident.notification.Fixture.subject;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each process event reaches the audience the rules name, and only them. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class RoutingTest {

    private static MimeMessage only(String address) {
        await().atMost(TIMEOUT).until(() -> mailTo(address).size() == 1);
        return mailTo(address).get(0);
    }

    @Test
    @DisplayName("R-CMD-4: a blocker goes at once to the product owner and the CTO, not to the service center")
    void blockerToOwnerAndCto() {
        String team = uniqueTeam("blocker");
        String owner = uniqueAddress("owner");
        String cto = uniqueAddress("cto");
        String serviceCenter = uniqueAddress("sc");
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "EMAIL", owner);
        addStakeholder(team, "CTO", "SEV1", "EMAIL", cto);
        addStakeholder(team, "SERVICE_CENTER", "SEV4", "EMAIL", serviceCenter);
        UUID incident = UUID.randomUUID();
        reported(incident, team, Severity.SEV3, false);
        publish(new BlockerRaised(incident, "person-ref-ic", "Need a failover approved", now()), "/commander-service");

        assertThat(subject(only(owner))).startsWith("[Blocker]");
        // Escalations ignore the minimum severity: the CTO asked for SEV1 news only, but a blocker is for them.
        assertThat(body(only(cto))).contains("Need a failover approved");
        assertThat(emitted(incident, NotificationDelivered.class, 2)).hasSize(2);
        assertThat(mailTo(serviceCenter)).isEmpty();
    }

    @Test
    @DisplayName("R-CMD-6: a disputed hand-off goes to the product owners of both teams and the CTO")
    void disputedHandOff() {
        String from = uniqueTeam("from");
        String to = uniqueTeam("to");
        String ownerFrom = uniqueAddress("po-from");
        String ownerTo = uniqueAddress("po-to");
        addStakeholder(from, "PRODUCT_OWNER", "SEV4", "EMAIL", ownerFrom);
        addStakeholder(to, "PRODUCT_OWNER", "SEV4", "EMAIL", ownerTo);
        UUID incident = UUID.randomUUID();
        reported(incident, from, Severity.SEV2, false);
        publish(new HandOffDisputed(incident, from, to, "Both see the fault elsewhere", now()), "/commander-service");

        assertThat(subject(only(ownerFrom))).startsWith("[Hand-off disputed]");
        assertThat(body(only(ownerTo))).contains("Both see the fault elsewhere");
    }

    @Test
    @DisplayName("R-CLS-1: the close question with the objection link goes to everyone affected")
    void closeQuestion() {
        String team = uniqueTeam("close");
        String si = uniqueAddress("si");
        addStakeholder(team, "SI_TEAM", "SEV4", "EMAIL", si);
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV2, false);
        await().atMost(TIMEOUT).until(() -> mailTo(si).size() == 1);
        publish(new CloseProposed(incident, "person-ref-ic", now().plusSeconds(900), now()), "/commander-service");

        await().atMost(TIMEOUT).until(() -> mailTo(si).size() == 2);
        MimeMessage close = mailTo(si).stream().filter(m -> subject(m).startsWith("Is anyone")).findFirst().orElseThrow();
        assertThat(body(close)).contains("Is anyone opposed to me closing this incident?")
                .contains(VendorStandIn.get().url("/incidents/" + incident + "/close-objections"));
    }

    @Test
    @DisplayName("R-SEC-1/R-SEC-4: the security form reaches the IT service desk and legal with the title; public relations without it")
    void securityForm() {
        String team = uniqueTeam("secform");
        String desk = uniqueAddress("itdesk");
        String legal = uniqueAddress("legal");
        String pr = uniqueAddress("pr");
        addStakeholder(team, "IT_SERVICE_DESK", "SEV4", "EMAIL", desk);
        addStakeholder(team, "LEGAL", "SEV4", "EMAIL", legal);
        addStakeholder(team, "PUBLIC_RELATIONS", "SEV4", "EMAIL", pr);
        UUID incident = UUID.randomUUID();
        reported(incident, team, Severity.SEV1, true);
        publish(new SecurityFormFiled(incident, "person-ref-8", now()), "/docs-service");

        assertThat(subject(only(desk))).isEqualTo("[Security incident form] Checkout fails " + incident);
        assertThat(subject(only(legal))).contains("Checkout fails");
        assertThat(subject(only(pr))).isEqualTo("[Security incident form] Security incident (details restricted)");

        // A changed form is filed again and sent again.
        publish(new SecurityFormFiled(incident, "person-ref-8", now()), "/docs-service");
        await().atMost(TIMEOUT).until(() -> mailTo(desk).size() == 2);
    }

    @Test
    @DisplayName("R-SEC-3: a leadership-update entry goes to product owners, CTO and CPO; other entries go to nobody")
    void leadershipUpdate() {
        String team = uniqueTeam("lead");
        String cpo = uniqueAddress("cpo");
        addStakeholder(team, "CPO", "SEV4", "EMAIL", cpo);
        UUID incident = UUID.randomUUID();
        reported(incident, team, Severity.SEV1, false);
        publish(new DocumentUpdated(incident, UUID.randomUUID(), 3, "update", now()), "/docs-service");
        publish(new DocumentUpdated(incident, UUID.randomUUID(), 4, "leadership-update", now()), "/docs-service");

        assertThat(body(only(cpo))).contains("revision 4");
        assertThat(emitted(incident, NotificationDelivered.class, 1)).hasSize(1);
    }

    @Test
    @DisplayName("an e-mailed report with quality findings gets a reply at the address intake keeps")
    void reporterReply() {
        String reporter = uniqueAddress("reporter");
        String ref = "reporter-ref-" + UUID.randomUUID();
        VendorStandIn.get().reporter(ref, reporter);
        UUID incident = UUID.randomUUID();
        publish(new IncidentReported(incident, UUID.randomUUID(), uniqueTeam("mail"), "Login page blank", "It is blank",
                ReportChannel.EMAIL, Severity.SEV3, false, false, false, null, ref, List.of(),
                List.of("No time when it started", "No affected URL"), now()), "/intake-service");

        MimeMessage reply = only(reporter);
        assertThat(subject(reply)).isEqualTo("Re: Login page blank");
        assertThat(body(reply)).contains("- No time when it started").contains("- No affected URL");
    }
}
