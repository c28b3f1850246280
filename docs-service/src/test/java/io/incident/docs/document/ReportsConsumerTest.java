package io.incident.docs.document;

import io.incident.testkit.TestEvents;
import io.incident.events.CloudEventHeaders;
import io.incident.events.DocumentCreated;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEvent;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.incident.docs.document.DocumentResourceTest.awaitDocument;
import static org.assertj.core.api.Assertions.assertThat;

/** What the docs service does with what arrives on incident.reports, including redeliveries and bad records. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class ReportsConsumerTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = "dead-letter-topic-incident-reports";

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static Predicate<ConsumerRecord<String, String>> ofType(Class<? extends IncidentEvent> type) {
        String ceType = EventCatalog.of(type).type();
        return r -> ceType.equals(KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE));
    }

    private static IncidentEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(KafkaTestClient.headers(record), record.value()).orElseThrow().data();
    }

    @Test
    @DisplayName("R-DOC-1 the new document is announced by one DocumentCreated with its tracking id and link")
    void documentCreatedIsPublished() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Login fails for SSO users"));
        JsonPath doc = awaitDocument(incident, 1);

        List<ConsumerRecord<String, String>> created = kafka.read(Topics.DOCUMENTS,
                KafkaTestClient.about(incident).and(ofType(DocumentCreated.class)), 1, READ_TIMEOUT);
        assertThat(created).hasSize(1);
        Map<String, String> headers = KafkaTestClient.headers(created.get(0));
        assertThat(headers).containsEntry(CloudEventHeaders.SOURCE, "/docs-service")
                .containsEntry(CloudEventHeaders.SUBJECT, incident.toString());
        DocumentCreated event = (DocumentCreated) decode(created.get(0));
        assertThat(event.incidentId()).isEqualTo(incident);
        assertThat(event.documentId().toString()).isEqualTo(doc.getString("documentId"));
        assertThat(event.trackingId()).isEqualTo(doc.getString("trackingId"));
        assertThat(event.url()).endsWith("/incidents/" + incident + "/document");
    }

    @Test
    @DisplayName("R-DOC-1 a redelivered IncidentReported adds no second timeline entry and no second DocumentCreated")
    void redeliveryIsIgnored() {
        UUID incident = UUID.randomUUID();
        EventEnvelope envelope = TestEvents.reported(incident, "Payments queue backs up");
        kafka.publish(envelope);
        awaitDocument(incident, 1);

        kafka.publish(envelope);
        // Published after the redelivery on the same partitions: once its document exists, the redelivery has been
        // handled, and once its DocumentCreated is on incident.documents, anything the redelivery raised is before it.
        UUID later = TestEvents.incidentOnSamePartitions(incident, Topics.REPORTS, Topics.DOCUMENTS);
        kafka.publish(TestEvents.reported(later, "A later incident"));
        awaitDocument(later, 1);

        JsonPath doc = awaitDocument(incident, 1);
        assertThat(doc.getList("timeline.kind", String.class)).containsExactly("reported");
        assertThat(doc.getInt("revision")).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = kafka.read(Topics.DOCUMENTS,
                KafkaTestClient.about(incident).or(KafkaTestClient.about(later).and(ofType(DocumentCreated.class))),
                2, READ_TIMEOUT);
        assertThat(records).as("records about the incident up to the later incident's DocumentCreated").hasSize(2);
        assertThat(records.get(1).key()).as("nothing about the incident after its DocumentCreated")
                .isEqualTo(later.toString());
        assertThat(records.subList(0, 1)).filteredOn(ofType(DocumentCreated.class)).hasSize(1);
    }

    @Test
    @DisplayName("R-REP-5 R-DOC-1 a ReportAttached adds a second timeline entry at revision 2, and no DocumentUpdated: "
            + "only entries people write restart the update clock")
    void attachedReportIsLogged() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Checkout returns 502"));
        String trackingId = awaitDocument(incident, 1).getString("trackingId");

        kafka.publish(TestEvents.attached(incident, "Re: checkout broken?"));
        JsonPath doc = awaitDocument(incident, 2);
        assertThat(doc.getString("trackingId")).isEqualTo(trackingId);
        assertThat(doc.getInt("revision")).isEqualTo(2);
        assertThat(doc.getList("timeline.kind", String.class)).containsExactly("reported", "report-attached");
        assertThat(doc.getString("timeline[1].text")).contains("Re: checkout broken?").contains("e-mail");
        assertThat(doc.getString("timeline[1].actor")).isEqualTo("reporter-ref-2");

        // A later incident's DocumentCreated on the same partition bounds the read: nothing about this incident
        // but its DocumentCreated comes before it.
        UUID later = TestEvents.incidentOnSamePartitions(incident, Topics.REPORTS, Topics.DOCUMENTS);
        kafka.publish(TestEvents.reported(later, "A later incident"));
        List<ConsumerRecord<String, String>> records = kafka.read(Topics.DOCUMENTS,
                KafkaTestClient.about(incident).or(KafkaTestClient.about(later).and(ofType(DocumentCreated.class))),
                2, READ_TIMEOUT);
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).matches(ofType(DocumentCreated.class));
        assertThat(records.get(1).key()).isEqualTo(later.toString());
    }

    @Test
    @DisplayName("a record of an unknown type and a record without ce_id do not stop the consumer")
    void badRecordsDoNotStopTheConsumer() {
        UUID incident = UUID.randomUUID();
        EventEnvelope valid = TestEvents.reported(incident, "Valid report after bad records");

        Map<String, String> unknownType = new HashMap<>(valid.headers());
        unknownType.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        unknownType.put(CloudEventHeaders.TYPE, "io.incident.from.the.future.v9");
        kafka.publish(Topics.REPORTS, incident.toString(), unknownType, "{\"incidentId\":\"" + incident + "\"}");

        EventEnvelope malformed = TestEvents.reported(incident, "Malformed report without ce_id");
        Map<String, String> noId = new HashMap<>(malformed.headers());
        noId.remove(CloudEventHeaders.ID);
        kafka.publish(Topics.REPORTS, incident.toString(), noId, EventCodec.toJson(malformed.data()));

        // Same key, so same partition: the valid event is only reached once both bad records were dealt with.
        kafka.publish(valid);
        JsonPath doc = awaitDocument(incident, 1);
        assertThat(doc.getString("title")).as("the record without ce_id had no effect")
                .isEqualTo("Valid report after bad records");

        List<ConsumerRecord<String, String>> dead = kafka.read(DEAD_LETTERS, KafkaTestClient.about(incident), 1,
                READ_TIMEOUT);
        assertThat(dead).as("the record that breaks the contract is parked on the dead-letter topic").hasSize(1);
        assertThat(KafkaTestClient.headers(dead.get(0))).doesNotContainKey(CloudEventHeaders.ID)
                .containsEntry(CloudEventHeaders.TYPE, "io.incident.reported.v1");
    }
}
