package io.incident.deadline;

import io.incident.events.CloudEventHeaders;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.IncidentMitigated;
import io.incident.events.DocumentUpdated;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.QuestionAnswered;
import io.incident.events.QuestionAsked;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.ReportChannel;
import io.incident.events.RootCauseAnalysisCompleted;
import io.incident.events.SecurityFormFiled;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.events.TriageDecision;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestInfrastructure;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the deadline service's tests share: its clock over HTTP, the events other services publish, and reading
 * what it publishes. The movable clock is shared by every test in the JVM and only moves forward, so tests take
 * instants from {@link #now()} and never assume an absolute time.
 */
public final class ServiceUnderTest {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String COMMANDER = "/commander-service";
    private static final String DOCS = "/docs-service";
    private static final String INTAKE = "/intake-service";

    private ServiceUnderTest() {
    }

    /** The service's now, at the millisecond precision events carry. */
    public static Instant now() {
        return Instant.parse(given().get("/admin/clock").then().statusCode(200).extract().path("now"))
                .truncatedTo(ChronoUnit.MILLIS);
    }

    public static void advance(Duration by) {
        given().post("/admin/clock/advance?by=" + by).then().statusCode(200);
    }

    public static JsonPath deadlines(UUID incident) {
        return given().get("/incidents/" + incident + "/deadlines").then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the incident's clocks pass {@code check} and returns them. */
    public static JsonPath awaitDeadlines(UUID incident, Predicate<JsonPath> check) {
        // A check may assert on a clock that is not there yet (a report still in flight): poll again, do not fail.
        return await().atMost(TIMEOUT).ignoreExceptions().until(() -> deadlines(incident), check);
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(Class<? extends IncidentEvent> type) {
        return r -> EventCatalog.of(type).type().equals(KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE));
    }

    @SuppressWarnings("unchecked")
    public static <T extends IncidentEvent> T decode(ConsumerRecord<String, String> record) {
        return (T) EventCodec.decode(KafkaTestClient.headers(record), record.value()).orElseThrow().data();
    }

    /** A connection to the service's schema, for what the API does not show (the outbox, rows set up by hand). */
    public static Connection database() throws SQLException {
        return TestInfrastructure.get().connect("deadline");
    }

    /** Whether the service's consumer has handled the event (its inbox row commits with the effect). */
    public static boolean applied(EventEnvelope event) throws SQLException {
        try (Connection c = database();
             PreparedStatement ps = c.prepareStatement("select count(*) from inbox_event where event_id = ?")) {
            ps.setObject(1, event.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE)).toList();
    }

    // Events other services publish.

    public static EventEnvelope reported(UUID incident, Severity severity, boolean likely, boolean security,
                                         Instant at) {
        return EventEnvelope.wrap(new IncidentReported(incident, UUID.randomUUID(), "payments", "Checkout is slow",
                "Seen by a test", likely ? ReportChannel.REST : ReportChannel.ALERTMANAGER, severity, likely, false,
                security, null, "reporter-ref-1", List.of(), List.of(), at), INTAKE, at);
    }

    public static EventEnvelope paged(UUID incident, int level, Instant at, Instant acknowledgeBy) {
        return EventEnvelope.wrap(new CommanderPaged(incident, "payments", "person-ref-" + level, level, Severity.SEV2,
                false, acknowledgeBy, at), COMMANDER, at);
    }

    public static EventEnvelope mitigated(UUID incident, Instant at) {
        return EventEnvelope.wrap(new IncidentMitigated(incident, "person-ref-7", at), COMMANDER, at);
    }

    public static EventEnvelope acknowledged(UUID incident, Instant at) {
        return EventEnvelope.wrap(new CommanderAcknowledged(incident, "person-ref-7", "payments", at), COMMANDER, at);
    }

    public static EventEnvelope triaged(UUID incident, Instant at) {
        return EventEnvelope.wrap(new IncidentTriaged(incident, TriageDecision.INCIDENT, "person-ref-7",
                "Real outage", null, at), COMMANDER, at);
    }

    public static EventEnvelope handedOff(UUID incident, Instant at) {
        return EventEnvelope.wrap(new CommandHandedOff(incident, "person-ref-7", "person-ref-9", "checkout", at),
                COMMANDER, at);
    }

    public static EventEnvelope severityChanged(UUID incident, Severity from, Severity to, Instant at) {
        return EventEnvelope.wrap(new SeverityChanged(incident, from, to, "person-ref-7", "Impact verified", at),
                COMMANDER, at);
    }

    public static EventEnvelope resolved(UUID incident, Instant at) {
        return EventEnvelope.wrap(new IncidentResolved(incident, "person-ref-7", at), COMMANDER, at);
    }

    public static EventEnvelope closeProposed(UUID incident, Instant at, Instant windowEndsAt) {
        return EventEnvelope.wrap(new CloseProposed(incident, "person-ref-7", windowEndsAt, at), COMMANDER, at);
    }

    public static EventEnvelope closeObjected(UUID incident, Instant at) {
        return EventEnvelope.wrap(new CloseObjected(incident, "person-ref-8", "Errors still above normal", at),
                COMMANDER, at);
    }

    public static EventEnvelope closed(UUID incident, Severity severity, Instant reportedAt, Instant at) {
        return EventEnvelope.wrap(new IncidentClosed(incident, "person-ref-7", "payments", severity, reportedAt, at),
                COMMANDER, at);
    }

    public static EventEnvelope documentUpdated(UUID incident, int revision, String entryKind, Instant at) {
        return EventEnvelope.wrap(new DocumentUpdated(incident, UUID.randomUUID(), revision, entryKind, at), DOCS, at);
    }

    public static EventEnvelope securityFormFiled(UUID incident, Instant at) {
        return EventEnvelope.wrap(new SecurityFormFiled(incident, "person-ref-8", at), DOCS, at);
    }

    public static EventEnvelope rootCauseAnalysisCompleted(UUID incident, Instant at) {
        return EventEnvelope.wrap(new RootCauseAnalysisCompleted(incident, UUID.randomUUID(), at), DOCS, at);
    }

    /** R-REP-7: a question keyed by the incident id reserved for it; {@code answerBy} null means the process's goal. */
    public static EventEnvelope questionAsked(UUID incident, Instant at, Instant answerBy) {
        return EventEnvelope.wrap(new QuestionAsked(incident, UUID.randomUUID(), "payments",
                "Checkout feels slow for some users; is this an incident?", "asker-ref-1", at,
                answerBy == null ? at.plus(Duration.ofMinutes(15)) : answerBy), INTAKE, at);
    }

    public static EventEnvelope questionAnswered(UUID incident, boolean isIncident, Instant at) {
        return EventEnvelope.wrap(new QuestionAnswered(incident, UUID.randomUUID(), "person-ref-7",
                isIncident ? "Yes, treat it as an incident" : "No, a known slow batch job", isIncident, at), INTAKE, at);
    }
}
