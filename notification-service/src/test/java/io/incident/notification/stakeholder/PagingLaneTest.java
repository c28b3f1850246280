package io.incident.notification.stakeholder;

import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.Severity;
import io.incident.notification.VendorStandIn;
import io.incident.notification.VendorStandInResource;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.notification.Fixture.TIMEOUT;
import static io.incident.notification.Fixture.mailTo;
import static io.incident.notification.Fixture.now;
import static io.incident.notification.Fixture.publish;
import static io.incident.notification.Fixture.uniqueAddress;
import static io.incident.notification.Fixture.uniqueTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The paging lane plans pages ahead of the lifecycle channel, and a page is still sent once. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
@QuarkusTestResource(VendorStandInResource.class)
class PagingLaneTest {

    @Inject
    IncidentEventsConsumer consumer;

    @Test
    @DisplayName("the lane plans the page of a poll and nothing else; the lifecycle channel's second plan adds nothing")
    void lanePlansPagesOnlyAndOnce() throws Exception {
        String team = uniqueTeam("lane");
        String ic = uniqueAddress("ic");
        String person = "person-ref-lane-" + team;
        VendorStandIn.get().person(person, ic);
        UUID incident = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant at = now();
        EventEnvelope acknowledged = EventEnvelope.wrap(new CommanderAcknowledged(other, person, team, at),
                "/commander-service", at);
        EventEnvelope paged = EventEnvelope.wrap(new CommanderPaged(incident, team, person, 1, Severity.SEV1, false,
                at.plusSeconds(300), at), "/commander-service", at);

        consumer.onPage(records(acknowledged, paged));

        assertThat(inboxOf("paging-lane", acknowledged.id())).as("the lane skips what is not a page").isZero();
        assertThat(inboxOf("paging-lane", paged.id())).isEqualTo(1);
        assertThat(pageDeliveries(incident)).isEqualTo(1);

        // The same event on the topic: the lifecycle channel plans it in order, the lane sees it again.
        publish(paged);
        await().atMost(TIMEOUT).until(() -> inboxOf("notification-planner", paged.id()) == 1);
        await().atMost(TIMEOUT).until(() -> mailTo(ic).size() == 1);
        Thread.sleep(1_000);
        assertThat(pageDeliveries(incident)).as("one delivery whoever planned it first").isEqualTo(1);
        assertThat(mailTo(ic)).hasSize(1);
    }

    private static ConsumerRecords<String, String> records(EventEnvelope... envelopes) {
        TopicPartition partition = new TopicPartition("incident.lifecycle", 0);
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        long offset = 0;
        for (EventEnvelope e : envelopes) {
            ConsumerRecord<String, String> r = new ConsumerRecord<>(partition.topic(), partition.partition(),
                    offset++, e.key(), EventCodec.toJson(e.data()));
            e.headers().forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            list.add(r);
        }
        return new ConsumerRecords<>(Map.of(partition, list), Map.of());
    }

    private static int inboxOf(String consumer, UUID eventId) throws Exception {
        return count("select count(*) from inbox_event where consumer = ? and event_id = ?", consumer, eventId);
    }

    private static int pageDeliveries(UUID incident) throws Exception {
        return count("select count(*) from delivery where incident_id = ? and template = ?", incident, "page");
    }

    private static int count(String sql, Object... parameters) throws Exception {
        try (Connection c = TestInfrastructure.get().connect("notification");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
