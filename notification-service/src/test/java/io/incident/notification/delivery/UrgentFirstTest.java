package io.incident.notification.delivery;

import io.incident.notification.NotificationConfig;
import io.incident.notification.VendorStandInResource;
import io.incident.notification.channel.ChannelKind;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.incident.notification.Fixture.advance;
import static io.incident.notification.Fixture.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Urgent deliveries are claimed before a backlog of broadcast deliveries that was queued earlier. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class UrgentFirstTest {

    private static final int BACKLOG = 400;

    @Inject
    DeliveryQueue queue;
    @Inject
    NotificationConfig config;

    @Test
    @DisplayName("a page queued after 400 broadcast e-mails is among the first messages the SMTP server receives")
    void pageOvertakesBroadcastBacklog() throws Exception {
        String tag = "urgent-" + UUID.randomUUID().toString().substring(0, 8);
        UUID backlogIncident = UUID.randomUUID();
        UUID pagedIncident = UUID.randomUUID();
        String pagedAddress = "ic-" + tag + "@example.org";
        List<PlannedDelivery> broadcast = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            broadcast.add(new PlannedDelivery("backlog:" + tag + ":resolved", backlogIncident,
                    "po" + i + "-" + tag + "@example.org", ChannelKind.EMAIL, "PRODUCT_OWNER", "resolved",
                    "[Resolved] Search is slow", "Search answers in time again."));
        }
        PlannedDelivery page = new PlannedDelivery("page:" + tag + ":page", pagedIncident, pagedAddress,
                ChannelKind.EMAIL, "PAGED_IC", "page", "[Page] SEV1 Checkout fails", "You are paged.");

        // One transaction, so no worker starts on the backlog before the page is stored; the clock step between them
        // makes the page strictly later by due time, which is where a first-in-first-out queue would put it: last.
        QuarkusTransaction.requiringNew().run(() -> {
            queue.enqueue(broadcast);
            advance(Duration.ofSeconds(1));
            queue.enqueue(List.of(page));
        });

        // Reading the mailbox holds the SMTP server's lock, so it is polled sparingly.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> arrivals(tag).size() >= BACKLOG + 1);
        List<String> order = arrivals(tag);
        // Every sender thread wakes at the commit and claims one row; the page is one of those first claims, and the
        // messages of that first round reach the server in whatever order their sends finish.
        assertThat(order.indexOf(pagedAddress)).as("position of the page among %d messages", order.size())
                .isBetween(0, config.worker().threads() + 3);
        assertThat(priorityOf(pagedIncident)).isEqualTo(Urgency.URGENT.priority);
        assertThat(priorityOf(backlogIncident)).isEqualTo(Urgency.ROUTINE.priority);
    }

    @Test
    @DisplayName("another team's first page overtakes 200 pages already waiting for one commander in a storm")
    void firstPageOfARecipientOvertakesAnotherRecipientsFlood() throws Exception {
        String tag = "fair-" + UUID.randomUUID().toString().substring(0, 8);
        String stormIc = "storm-ic-" + tag + "@example.org";
        String otherIc = "other-ic-" + tag + "@example.org";
        int flood = 200;
        List<PlannedDelivery> pages = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            pages.add(new PlannedDelivery("page:" + tag + ":" + i, UUID.randomUUID(), stormIc, ChannelKind.EMAIL,
                    "PAGED_IC", "page", "[Page] SEV2 Storm alert " + i, "You are paged."));
        }
        UUID otherIncident = UUID.randomUUID();
        PlannedDelivery otherPage = new PlannedDelivery("page:" + tag + ":other", otherIncident, otherIc,
                ChannelKind.EMAIL, "PAGED_IC", "page", "[Page] SEV1 Checkout fails", "You are paged.");

        QuarkusTransaction.requiringNew().run(() -> {
            queue.enqueue(pages);
            advance(Duration.ofSeconds(1));
            queue.enqueue(List.of(otherPage));
        });

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> arrivals(tag).size() >= flood + 1);
        // The mail server lists messages by mailbox, so the order of sending comes from the deliveries themselves.
        List<String> order = sendingOrder(stormIc, otherIc);
        assertThat(order).hasSize(flood + 1);
        assertThat(order.indexOf(otherIc)).as("position of the other team's page among %d messages", order.size())
                .isBetween(0, config.worker().threads() + 3);
        assertThat(order.stream().filter(stormIc::equals).count()).as("the flood is delivered too, each once")
                .isEqualTo(flood);
    }

    private static List<String> sendingOrder(String... recipients) throws Exception {
        try (Connection c = TestInfrastructure.get().connect("notification"); PreparedStatement ps = c.prepareStatement(
                "select recipient from delivery where recipient = any (?) and status = 'SENT' order by sent_at, id")) {
            ps.setArray(1, c.createArrayOf("text", recipients));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** Recipients of this test's messages, in the order the SMTP server received them. */
    private static List<String> arrivals(String tag) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : received()) {
            for (var a : m.getAllRecipients()) {
                if (a.toString().endsWith("-" + tag + "@example.org")) {
                    out.add(a.toString());
                }
            }
        }
        return out;
    }

    private static short priorityOf(UUID incident) throws Exception {
        try (Connection c = TestInfrastructure.get().connect("notification"); PreparedStatement ps = c.prepareStatement(
                "select distinct priority from delivery where incident_id = ?")) {
            ps.setObject(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                short p = rs.getShort(1);
                assertThat(rs.next()).as("one priority per incident").isFalse();
                return p;
            }
        }
    }
}
