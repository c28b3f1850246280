package io.incident.deadline.incident;

import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.EventEnvelope;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.deadline.ServiceUnderTest.TIMEOUT;
import static io.incident.deadline.ServiceUnderTest.applied;
import static io.incident.deadline.ServiceUnderTest.awaitDeadlines;
import static io.incident.deadline.ServiceUnderTest.deadlines;
import static io.incident.deadline.ServiceUnderTest.decode;
import static io.incident.deadline.ServiceUnderTest.now;
import static io.incident.deadline.ServiceUnderTest.ofType;
import static io.incident.deadline.ServiceUnderTest.questionAnswered;
import static io.incident.deadline.ServiceUnderTest.questionAsked;
import static io.incident.deadline.ServiceUnderTest.reported;
import static io.incident.testkit.KafkaTestClient.about;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R-REP-7: the question clock, started and stopped through the real topics. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class QuestionClockTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static List<Map<String, String>> questionClocks(JsonPath deadlines) {
        return deadlines.getList("findAll { it.kind == 'QUESTION' }");
    }

    @Test
    @DisplayName("R-REP-7 a question starts a 15-minute clock that an answer in time meets")
    void answerInTimeMeetsTheClock() {
        UUID incident = UUID.randomUUID();
        Instant askedAt = now();
        kafka.publish(questionAsked(incident, askedAt, null));
        JsonPath d = awaitDeadlines(incident, j -> questionClocks(j).size() == 1);
        assertThat(questionClocks(d).get(0)).containsEntry("status", "PENDING")
                .containsEntry("dueAt", askedAt.plus(ofMinutes(15)).toString());

        Instant answeredAt = askedAt.plus(ofMinutes(3));
        kafka.publish(questionAnswered(incident, false, answeredAt));
        d = awaitDeadlines(incident, j -> "MET".equals(questionClocks(j).get(0).get("status")));
        assertThat(questionClocks(d).get(0)).containsEntry("metAt", answeredAt.toString());
        assertThat(d.getList("$")).as("a question starts no clock but its own").hasSize(1);
    }

    @Test
    @DisplayName("R-REP-7 an unanswered question breaches when due; the breach is intake's signal to open the incident")
    void unansweredQuestionBreaches() {
        UUID incident = UUID.randomUUID();
        // Asked almost 15 minutes ago: the clock runs out in two seconds without moving the shared clock.
        Instant askedAt = now().minus(ofMinutes(15)).plusSeconds(2);
        kafka.publish(questionAsked(incident, askedAt, null));

        List<ConsumerRecord<String, String>> breached = kafka.read(Topics.DEADLINES,
                about(incident).and(ofType(DeadlineBreached.class)), 1, TIMEOUT);
        DeadlineBreached breach = decode(breached.get(0));
        assertThat(breach.kind()).isEqualTo(DeadlineKind.QUESTION);
        assertThat(breach.dueAt()).isEqualTo(askedAt.plus(ofMinutes(15)));

        // The incident it became starts its acknowledge clock as every report does.
        kafka.publish(reported(incident, Severity.SEV3, true, false, breach.dueAt()));
        JsonPath d = awaitDeadlines(incident, j -> j.getList("$").size() == 2);
        assertThat(questionClocks(d).get(0)).containsEntry("status", "BREACHED");
    }

    @Test
    @DisplayName("R-REP-7 an asker who needs the answer sooner gets a sooner clock; an answer after it is a breach")
    void soonerAnswerBy() {
        UUID incident = UUID.randomUUID();
        Instant askedAt = now();
        Instant answerBy = askedAt.plus(ofMinutes(5));
        kafka.publish(questionAsked(incident, askedAt, answerBy));
        awaitDeadlines(incident, j -> questionClocks(j).size() == 1
                && answerBy.toString().equals(questionClocks(j).get(0).get("dueAt")));

        // Stamped after the due time but applied before the firing loop got to it: still not in time.
        kafka.publish(questionAnswered(incident, true, answerBy.plusSeconds(30)));
        awaitDeadlines(incident, j -> "BREACHED".equals(questionClocks(j).get(0).get("status")));
    }

    @Test
    @DisplayName("R-REP-7 a question about an incident that is already reported starts no clock")
    void questionAfterReportStartsNothing() {
        UUID incident = UUID.randomUUID();
        Instant at = now();
        kafka.publish(reported(incident, Severity.SEV3, true, false, at));
        awaitDeadlines(incident, j -> j.getList("$").size() == 1);
        EventEnvelope question = questionAsked(incident, at.plusSeconds(1), null);
        kafka.publish(question);
        await().atMost(TIMEOUT).until(() -> applied(question));
        assertThat(questionClocks(deadlines(incident))).isEmpty();
    }
}
