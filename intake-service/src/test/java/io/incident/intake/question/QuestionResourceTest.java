package io.incident.intake.question;

import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.EventCatalog;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.QuestionAnswered;
import io.incident.events.QuestionAsked;
import io.incident.events.CloudEventHeaders;
import io.incident.events.Topics;
import io.incident.intake.IntakeApi;
import io.incident.runtime.access.Roles;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** R-REP-7 through the API, the outbox and the real topics; the deadline service's breach is published by hand. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class QuestionResourceTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RESPONDER = "person-oncall-7";

    /** Every request that acts as a person goes through here, so how the person is named changes in one place. */
    private static RequestSpecification as(String person, String role) {
        return given().header("Authorization", Tokens.bearer(person, role));
    }

    private static RequestSpecification as(String person) {
        return as(person, Roles.RESPONDER);
    }

    private static Map<String, Object> question(String team, String text) {
        return Map.of("team", team, "text", text, "contact", "robin.asker@example.org");
    }

    private static String ask(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/questions")
                .then().statusCode(201).header("Location", containsString("/questions/"))
                .body("status", equalTo("OPEN")).body("incidentId", nullValue())
                .extract().path("questionId");
    }

    private static QuestionAsked asked(String questionId) {
        return (QuestionAsked) IntakeApi.reportEvents(kafka,
                e -> e instanceof QuestionAsked q && q.questionId().toString().equals(questionId), 1).get(0);
    }

    private static List<ConsumerRecord<String, String>> eventsAbout(UUID incident, Class<? extends IncidentEvent> type,
                                                                   int expected) {
        String ceType = EventCatalog.of(type).type();
        return kafka.read(Topics.REPORTS, KafkaTestClient.about(incident)
                .and(r -> ceType.equals(KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE))), expected, WAIT);
    }

    @Test
    @DisplayName("R-REP-7 a question goes on incident.reports without the asker's contact, keyed by the incident it may become")
    void askingPublishesTheQuestion() {
        String id = ask(question("payments", "Refunds take 10 minutes since 09:00.\nIs this an incident?"));

        QuestionAsked q = asked(id);
        assertThat(q.team()).isEqualTo("payments");
        assertThat(q.text()).isEqualTo("Refunds take 10 minutes since 09:00.\nIs this an incident?");
        assertThat(q.askerRef()).isNotBlank().doesNotContain("example.org");
        assertThat(q.answerBy()).as("R-REP-7 15 minutes by default").isEqualTo(q.askedAt().plus(Duration.ofMinutes(15)));
        List<ConsumerRecord<String, String>> records = eventsAbout(q.incidentId(), QuestionAsked.class, 1);
        assertThat(records.get(0).key()).isEqualTo(q.incidentId().toString());
        assertThat(records.get(0).value()).doesNotContain("robin.asker@example.org");

        given().get("/questions/" + id).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("text", containsString("Refunds")).body("contact", nullValue());
    }

    @Test
    @DisplayName("R-REP-7 an answer 'not an incident' settles the question and opens nothing")
    void answerNotAnIncident() {
        String id = ask(question("search", "Search results look stale. Incident?"));
        UUID incident = asked(id).incidentId();

        as(RESPONDER).contentType(ContentType.JSON)
                .body(Map.of("incident", false, "answer", "No: the index rebuild runs until 10:00."))
                .post("/questions/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("incident", equalTo(false))
                .body("answeredBy", equalTo(RESPONDER)).body("incidentId", nullValue());

        QuestionAnswered a = (QuestionAnswered) IntakeApi.reportEvents(kafka,
                e -> e instanceof QuestionAnswered qa && qa.incidentId().equals(incident), 1).get(0);
        assertThat(a.incident()).isFalse();
        assertThat(a.answeredBy()).isEqualTo(RESPONDER);
        assertThat(a.questionId().toString()).isEqualTo(id);

        // A late breach (the answer came just after the due time) must not open the incident.
        breach(incident);
        await().atMost(WAIT).until(() -> !IntakeApi.query(
                "select 1 from inbox_event where subject = ? and consumer = ?", incident, Questions.CONSUMER).isEmpty());
        assertThat(IntakeApi.query("select id from report where incident_id = ?", incident)).isEmpty();
        given().get("/questions/" + id).then().body("status", equalTo("ANSWERED"));
    }

    @Test
    @DisplayName("R-REP-7 an answer 'incident' opens the incident the question reserved, with the asker as reporter")
    void answerIncidentOpensIt() {
        String id = ask(question("payments", "Card payments fail for some EU users. Incident?"));
        UUID incident = asked(id).incidentId();

        as(RESPONDER).contentType(ContentType.JSON)
                .body(Map.of("incident", true, "answer", "Yes, the gateway errors doubled."))
                .post("/questions/" + id + "/answer")
                .then().statusCode(200).body("incidentId", equalTo(incident.toString()))
                .body("document", containsString("/incidents/" + incident + "/document"));

        List<ConsumerRecord<String, String>> reported = eventsAbout(incident, IncidentReported.class, 1);
        IncidentReported r = (IncidentReported) IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported ir && ir.incidentId().equals(incident), 1).get(0);
        assertThat(reported).hasSize(1);
        assertThat(r.reportId().toString()).as("the report is the question").isEqualTo(id);
        assertThat(r.title()).isEqualTo("Question: Card payments fail for some EU users. Incident?");
        assertThat(r.likelyIncident()).as("R-ACK-2 a person's report").isTrue();
        assertThat(r.reporterRef()).isEqualTo(asked(id).askerRef());
        // How the notification service reaches the asker: the platform's services may read the contact.
        as("notification-service", Roles.SERVICE).get("/reporters/" + r.reporterRef()).then().statusCode(200)
                .body("email", equalTo("robin.asker@example.org"));

        // Settled once: a second answer is refused and names the incident.
        as("person-other-8").contentType(ContentType.JSON).body(Map.of("incident", false, "answer", "No"))
                .post("/questions/" + id + "/answer")
                .then().statusCode(409).contentType("application/problem+json")
                .body("incidentId", equalTo(incident.toString()));
    }

    @Test
    @DisplayName("R-REP-7 a question nobody answered becomes an incident when its clock is breached, once")
    void unansweredQuestionBecomesIncident() {
        String id = ask(question("checkout", "Basket totals are off by a cent sometimes. Is that an incident?"));
        UUID incident = asked(id).incidentId();

        Instant due = breach(incident);
        breach(incident); // a second breach of the same clock (e.g. another instance, a replay) opens nothing more

        IncidentReported r = (IncidentReported) IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported ir && ir.incidentId().equals(incident), 1).get(0);
        assertThat(r.reportedAt()).as("from the clock's due time").isEqualTo(due);
        assertThat(r.description()).contains("Nobody answered");
        given().get("/questions/" + id).then().statusCode(200).body("status", equalTo("UNANSWERED_INCIDENT"))
                .body("incidentId", equalTo(incident.toString())).body("becameIncidentAt", notNullValue());
        await().atMost(WAIT).until(() -> IntakeApi.query(
                "select 1 from inbox_event where subject = ? and consumer = ?", incident, Questions.CONSUMER).size() == 2);
        assertThat(IntakeApi.query("select id from report where incident_id = ?", incident)).hasSize(1);

        as(RESPONDER).contentType(ContentType.JSON).body(Map.of("incident", false, "answer", "Too late"))
                .post("/questions/" + id + "/answer")
                .then().statusCode(409).body("detail", containsString("Nobody answered in time"));
    }

    @Test
    @DisplayName("R-REP-6 personal data in a question stays in the vault; the event and the incident are flagged")
    void personalDataIsRedacted() {
        String id = ask(question("payments", "Customer with SSN 123-45-6789 sees a double charge. Incident?"));
        QuestionAsked q = asked(id);
        assertThat(q.text()).doesNotContain("123-45-6789").contains("[redacted");
        assertThat(IntakeApi.query("select description from pii_vault where report_id = ?", UUID.fromString(id)))
                .hasSize(1);

        as(RESPONDER).contentType(ContentType.JSON).body(Map.of("incident", true, "answer", "Yes"))
                .post("/questions/" + id + "/answer").then().statusCode(200);
        IncidentReported r = (IncidentReported) IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported ir && ir.incidentId().equals(q.incidentId()), 1).get(0);
        assertThat(r.security()).isTrue();
        assertThat(r.description()).doesNotContain("123-45-6789");
    }

    @Test
    @DisplayName("bad questions and answers get problem JSON naming each field")
    void badInput() {
        given().contentType(ContentType.JSON).body(Map.of("team", "Payments!", "text", " "))
                .post("/questions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("team")).body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("contact"));
        Map<String, Object> late = new HashMap<>(question("payments", "Is this one?"));
        late.put("answerBy", "2999-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(late).post("/questions")
                .then().statusCode(400).body("errors.field", hasItem("answerBy"));
        given().contentType(ContentType.JSON).body("{\"team\": 5").post("/questions")
                .then().statusCode(400).contentType("application/problem+json");

        String id = ask(question("payments", "Is this one?"));
        given().contentType(ContentType.JSON).body(Map.of("incident", true, "answer", "Yes"))
                .post("/questions/" + id + "/answer").then().statusCode(401).contentType("application/problem+json");
        as("person-asker-2", Roles.REPORTER).contentType(ContentType.JSON)
                .body(Map.of("incident", true, "answer", "Yes")).post("/questions/" + id + "/answer")
                .then().statusCode(403).contentType("application/problem+json");
        as(RESPONDER).contentType(ContentType.JSON).body(Map.of("answer", "Maybe"))
                .post("/questions/" + id + "/answer").then().statusCode(400).body("errors.field", hasItem("incident"));
        as(RESPONDER).contentType(ContentType.JSON).body(Map.of("incident", true, "answer", "Yes"))
                .post("/questions/" + UUID.randomUUID() + "/answer").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/questions/" + id).then().body("status", equalTo("OPEN"));
    }

    /** What the deadline service publishes when the question's clock runs out; returns the due time. */
    private static Instant breach(UUID incident) {
        Instant due = Instant.parse(given().get("/admin/clock").then().extract().path("now"));
        kafka.publish(EventEnvelope.wrap(new DeadlineBreached(incident, UUID.randomUUID(), DeadlineKind.QUESTION,
                due, due), "/deadline-service", due));
        return due;
    }
}
