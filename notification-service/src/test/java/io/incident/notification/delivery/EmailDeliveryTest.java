package io.incident.notification.delivery;

import io.incident.events.CommanderPaged;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentResolved;
import io.incident.events.NotificationDelivered;
import io.incident.events.NotificationFailed;
import io.incident.events.NotificationChannel;
import io.incident.events.Severity;
import io.incident.notification.VendorStandIn;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.activeIncident;
import static io.incident.notification.Fixture.addStakeholder;
import static io.incident.notification.Fixture.body;
import static io.incident.notification.Fixture.emitted;
import static io.incident.notification.Fixture.header;
import static io.incident.notification.Fixture.mailTo;
import static io.incident.notification.Fixture.now;
import static io.incident.notification.Fixture.publish;
import static io.incident.notification.Fixture.subject;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** E-mail to stakeholders through a real SMTP server (GreenMail), exactly once per recipient. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class EmailDeliveryTest {

    @Test
    @DisplayName("the [Active Incident] notice reaches each stakeholder of the team once, by severity, with a stable Message-ID and NotificationDelivered")
    void activeIncidentNotice() {
        String team = uniqueTeam("payments");
        String owner = uniqueAddress("owner");
        String cto = uniqueAddress("cto");
        String sev1Only = uniqueAddress("cpo");
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "EMAIL", owner);
        addStakeholder(team, "CTO", "SEV2", "EMAIL", cto);
        addStakeholder(team, "CPO", "SEV1", "EMAIL", sev1Only);
        UUID incident = UUID.randomUUID();

        activeIncident(incident, team, Severity.SEV2, false);

        await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 1 && mailTo(cto).size() == 1);
        MimeMessage m = mailTo(owner).get(0);
        assertThat(subject(m)).isEqualTo("[Active Incident] Checkout fails " + incident);
        assertThat(body(m)).contains("http://docs.example.org/incidents/" + incident + "/document")
                .contains("person-ref-ic");
        List<NotificationDelivered> delivered = emitted(incident, NotificationDelivered.class, 2);
        assertThat(delivered).extracting(NotificationDelivered::audience)
                .containsExactlyInAnyOrder("PRODUCT_OWNER", "CTO");
        assertThat(delivered).allSatisfy(d -> {
            assertThat(d.channel()).isEqualTo(NotificationChannel.EMAIL);
            assertThat(d.template()).isEqualTo("active-incident");
        });
        // The Message-ID is the delivery's id, so a resend after a crash is recognisably the same message.
        UUID deliveryId = delivered.stream().filter(d -> d.audience().equals("PRODUCT_OWNER")).findFirst()
                .orElseThrow().notificationId();
        assertThat(header(m, "Message-ID")).isEqualTo("<" + deliveryId + "@notification.incident.example.org>");
        assertThat(mailTo(sev1Only)).isEmpty();
    }

    @Test
    @DisplayName("a redelivered event and the second of the two events that make an incident active send nothing more")
    void redeliveryDoesNotDuplicate() {
        String team = uniqueTeam("checkout");
        String owner = uniqueAddress("owner");
        addStakeholder(team, "PRODUCT_OWNER", "SEV4", "EMAIL", owner);
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV3, false);
        await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 1);
        EventEnvelope resolved = publish(new IncidentResolved(incident, "person-ref-ic", now()), "/commander-service");
        await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 2);

        publish(resolved);
        // Hand-made redelivery of the same event id, and an event about the same incident after it.
        publish(new IncidentResolved(incident, "person-ref-ic", now()), "/commander-service");
        await().atMost(TIMEOUT).until(() -> mailTo(owner).size() == 3);

        given().get("/deliveries?incident=" + incident + "&template=resolved").then().statusCode(200)
                .body("$", hasSize(2));
        assertThat(mailTo(owner)).extracting(m -> subject(m)).containsExactlyInAnyOrder(
                "[Active Incident] Checkout fails " + incident, "[Resolved] Checkout fails " + incident,
                "[Resolved] Checkout fails " + incident);
    }

    @Test
    @DisplayName("a paged commander gets the page with the acknowledge link at the address the people directory gives")
    void pageGoesToThePerson() {
        String team = uniqueTeam("search");
        String ic = uniqueAddress("ic");
        VendorStandIn.get().person("person-ref-paged-" + team, ic);
        UUID incident = UUID.randomUUID();
        publish(new CommanderPaged(incident, team, "person-ref-paged-" + team, 1, Severity.SEV1, false,
                now().plusSeconds(300), now()), "/commander-service");

        await().atMost(TIMEOUT).until(() -> mailTo(ic).size() == 1);
        assertThat(body(mailTo(ic).get(0))).contains(VendorStandIn.get().url("/incidents/" + incident));
        assertThat(emitted(incident, NotificationDelivered.class, 1)).singleElement()
                .satisfies(d -> assertThat(d.audience()).isEqualTo("PAGED_IC"));
    }

    @Test
    @DisplayName("a person the directory does not know is a dead letter with the reason and NotificationFailed")
    void unknownPersonIsDeadLettered() {
        UUID incident = UUID.randomUUID();
        publish(new CommanderPaged(incident, uniqueTeam("ghost"), "person-ref-nobody", 1, Severity.SEV2, false,
                now().plusSeconds(300), now()), "/commander-service");

        NotificationFailed failed = emitted(incident, NotificationFailed.class, 1).get(0);
        assertThat(failed.reason()).contains("person-ref-nobody");
        given().get("/deliveries?incident=" + incident).then().statusCode(200)
                .body("[0].status", equalTo("FAILED"))
                .body("[0].lastError", equalTo(failed.reason()));
    }

    @Test
    @DisplayName("a 500-recipient fan-out sends each recipient exactly one message")
    void fanOut() {
        String team = uniqueTeam("fanout");
        List<String> addresses = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String a = "fan-" + i + "-" + team + "@example.org";
            addresses.add(a);
            addStakeholder(team, "SI_TEAM", "SEV4", "EMAIL", a);
        }
        UUID incident = UUID.randomUUID();
        activeIncident(incident, team, Severity.SEV2, false);

        await().atMost(Duration.ofSeconds(90)).until(() -> given().get("/deliveries?incident=" + incident
                + "&status=SENT&limit=1000").then().extract().jsonPath().getList("$").size() == 500);
        java.util.Map<String, Long> perRecipient = java.util.Arrays.stream(io.incident.notification.Fixture.received())
                .flatMap(m -> {
                    try {
                        return java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(a -> a.endsWith(team + "@example.org"))
                .collect(java.util.stream.Collectors.groupingBy(a -> a, java.util.stream.Collectors.counting()));
        assertThat(perRecipient).hasSize(500).allSatisfy((a, n) -> assertThat(n).isEqualTo(1L));
    }
}
