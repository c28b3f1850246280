package io.incident.docs;

import io.incident.testkit.Tokens;
import io.incident.events.CloudEventHeaders;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineScheduled;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.NotificationChannel;
import io.incident.events.NotificationDelivered;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.events.Topics;
import io.incident.testkit.KafkaTestClient;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the docs service's tests share: other services' events, reading the document, reading what it publishes. */
public final class Docs {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final KafkaTestClient kafka = KafkaTestClient.shared();

    private Docs() {
    }

    public static RequestSpecification as(String actor, String... roles) {
        return given().header("Authorization", Tokens.bearer(actor, roles));
    }

    public static RequestSpecification asSecurity(String actor) {
        return as(actor, "security");
    }

    /** Waits until the document has {@code entries} timeline entries and returns it as JSON. */
    public static JsonPath awaitDocument(UUID incident, int entries, String... actorAndRoles) {
        return await().atMost(TIMEOUT).until(() -> {
            RequestSpecification r = actorAndRoles.length == 0 ? given()
                    : as(actorAndRoles[0], Arrays.copyOfRange(actorAndRoles, 1, actorAndRoles.length));
            return r.get("/incidents/" + incident + "/document").then().extract().response();
        }, r -> r.statusCode() == 200 && r.jsonPath().getList("timeline").size() == entries).jsonPath();
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(Class<? extends IncidentEvent> type) {
        String ceType = EventCatalog.of(type).type();
        return r -> ceType.equals(KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE));
    }

    @SuppressWarnings("unchecked")
    public static <T extends IncidentEvent> T decode(ConsumerRecord<String, String> record) {
        return (T) EventCodec.decode(KafkaTestClient.headers(record), record.value()).orElseThrow().data();
    }

    /** The first {@code n} events of {@code type} the docs service published about the incident. */
    public static <T extends IncidentEvent> List<T> published(UUID incident, Class<T> type, int n) {
        return kafka.read(Topics.DOCUMENTS, KafkaTestClient.about(incident).and(ofType(type)), n, TIMEOUT).stream()
                .map(Docs::<T>decode).toList();
    }

    // Events other services publish.

    public static EventEnvelope reported(UUID incident, String title, String team, Severity severity,
                                         boolean security, Instant at) {
        return EventEnvelope.wrap(new IncidentReported(incident, UUID.randomUUID(), team, title, "Seen by a test",
                ReportChannel.REST, severity, true, false, security, null, "reporter-ref-1", List.of(), List.of(),
                at), "/intake-service", at);
    }

    public static EventEnvelope paged(UUID incident, String person, Instant at) {
        return EventEnvelope.wrap(new CommanderPaged(incident, "payments", person, 1, Severity.SEV2, false,
                at.plusSeconds(300), at), "/commander-service", at);
    }

    public static EventEnvelope acknowledged(UUID incident, String person, String team, Instant at) {
        return EventEnvelope.wrap(new CommanderAcknowledged(incident, person, team, at), "/commander-service", at);
    }

    public static EventEnvelope severityChanged(UUID incident, Severity from, Severity to, Instant at) {
        return EventEnvelope.wrap(new SeverityChanged(incident, from, to, "person-ref-7", "Impact verified", at),
                "/commander-service", at);
    }

    public static EventEnvelope mitigated(UUID incident, Instant at) {
        return EventEnvelope.wrap(new IncidentMitigated(incident, "person-ref-7", at), "/commander-service", at);
    }

    public static EventEnvelope closed(UUID incident, Instant reportedAt, Instant at) {
        return EventEnvelope.wrap(new IncidentClosed(incident, "person-ref-7", "payments", Severity.SEV1,
                reportedAt, at), "/commander-service", at);
    }

    public static EventEnvelope deadlineScheduled(UUID incident, Instant at) {
        return EventEnvelope.wrap(new DeadlineScheduled(incident, UUID.randomUUID(), DeadlineKind.DOCUMENT_UPDATE,
                at.plusSeconds(7200), at), "/deadline-service", at);
    }

    public static EventEnvelope delivered(UUID incident, Instant at) {
        return EventEnvelope.wrap(new NotificationDelivered(incident, UUID.randomUUID(), NotificationChannel.CHAT,
                "incident-room", "active-incident", at), "/notification-service", at);
    }
}
