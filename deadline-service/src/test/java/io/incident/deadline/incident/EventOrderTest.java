package io.incident.deadline.incident;

import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineWarned;
import io.incident.events.EventEnvelope;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.deadline.ServiceUnderTest.TIMEOUT;
import static io.incident.deadline.ServiceUnderTest.acknowledged;
import static io.incident.deadline.ServiceUnderTest.advance;
import static io.incident.deadline.ServiceUnderTest.applied;
import static io.incident.deadline.ServiceUnderTest.awaitDeadlines;
import static io.incident.deadline.ServiceUnderTest.closeObjected;
import static io.incident.deadline.ServiceUnderTest.closeProposed;
import static io.incident.deadline.ServiceUnderTest.closed;
import static io.incident.deadline.ServiceUnderTest.documentUpdated;
import static io.incident.deadline.ServiceUnderTest.handedOff;
import static io.incident.deadline.ServiceUnderTest.now;
import static io.incident.deadline.ServiceUnderTest.ofType;
import static io.incident.deadline.ServiceUnderTest.questionAnswered;
import static io.incident.deadline.ServiceUnderTest.questionAsked;
import static io.incident.deadline.ServiceUnderTest.reported;
import static io.incident.deadline.ServiceUnderTest.rootCauseAnalysisCompleted;
import static io.incident.deadline.ServiceUnderTest.securityFormFiled;
import static io.incident.deadline.ServiceUnderTest.severityChanged;
import static io.incident.deadline.ServiceUnderTest.triaged;
import static io.incident.testkit.KafkaTestClient.about;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stop that arrives before the start of its clock leaves no clock running, for every kind, whether the two come
 * on one topic (one partition, in the order published) or on two (the stop is applied before the start is sent).
 * The other order is what ProcessClocksTest and QuestionClockTest drive; the acknowledge clock's is
 * ProcessClocksTest's "an acknowledgement that arrives before the report".
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class EventOrderTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static List<Map<String, String>> clocks(JsonPath deadlines, DeadlineKind kind) {
        List<Map<String, String>> all = deadlines.getList("findAll { it.kind == '" + kind + "' }");
        return all.stream().sorted((a, b) -> a.get("startedAt").compareTo(b.get("startedAt"))).toList();
    }

    /** Waits until the incident has {@code count} clocks of the kind and none of them runs; returns them. */
    private static List<Map<String, String>> awaitEnded(UUID incident, DeadlineKind kind, int count) {
        return clocks(awaitDeadlines(incident, j -> clocks(j, kind).size() == count
                && clocks(j, kind).stream().noneMatch(c -> "PENDING".equals(c.get("status")))), kind);
    }

    /** Publishes an event on another topic than the one that follows and waits until the service applied it. */
    private static void publishAndAwait(EventEnvelope event) {
        kafka.publish(event);
        await().atMost(TIMEOUT).until(() -> applied(event));
    }

    @Test
    @DisplayName("R-ACK-3 an IC who acknowledges with a severity (triaged, acknowledged, severity changed, in that order) meets the triage clock; nothing warns or breaches")
    void acknowledgeWithSeverity() {
        UUID incident = UUID.randomUUID();
        Instant at = now();
        kafka.publish(reported(incident, Severity.SEV3, true, false, at.minusSeconds(60)));
        // What commander's acknowledge publishes, in its order, on incident.lifecycle.
        kafka.publish(triaged(incident, at));
        kafka.publish(acknowledged(incident, at));
        kafka.publish(severityChanged(incident, Severity.SEV3, Severity.SEV2, at));

        Map<String, String> triage = awaitEnded(incident, DeadlineKind.TRIAGE, 1).get(0);
        assertThat(triage).containsEntry("status", "MET").containsEntry("metAt", at.toString());

        advance(ofMinutes(16));
        assertThat(kafka.read(Topics.DEADLINES, about(incident)
                .and(ofType(DeadlineWarned.class).or(ofType(DeadlineBreached.class)))
                .and(r -> r.value().contains("TRIAGE")), 1, Duration.ofSeconds(5)))
                .as("no '[Due soon]' or '[Overdue]' triage mail to send").isEmpty();
        assertThat(clocks(awaitDeadlines(incident, j -> true), DeadlineKind.TRIAGE)).hasSize(1)
                .allSatisfy(c -> assertThat(c).containsEntry("status", "MET"));
    }

    @Test
    @DisplayName("R-ACK-3 a paged person triaged before anyone acknowledged: the triage clock is met as it starts")
    void triagedBeforeAcknowledgement() {
        UUID incident = UUID.randomUUID();
        Instant decidedAt = now();
        Instant acknowledgedAt = decidedAt.plus(ofMinutes(2));
        kafka.publish(reported(incident, Severity.SEV3, false, false, decidedAt.minusSeconds(60)));
        kafka.publish(triaged(incident, decidedAt));
        kafka.publish(acknowledged(incident, acknowledgedAt));

        assertThat(awaitEnded(incident, DeadlineKind.TRIAGE, 1).get(0)).containsEntry("status", "MET")
                .containsEntry("metAt", acknowledgedAt.toString());
    }

    @Test
    @DisplayName("R-SEC-1 a security form filed (incident.documents) before the report (incident.reports) is applied leaves the form clock met")
    void securityFormBeforeReport() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = now();
        Instant filedAt = reportedAt.plus(ofMinutes(20));
        publishAndAwait(securityFormFiled(incident, filedAt));
        kafka.publish(reported(incident, Severity.SEV2, true, true, reportedAt));

        assertThat(awaitEnded(incident, DeadlineKind.SECURITY_FORM, 1).get(0)).containsEntry("status", "MET")
                .containsEntry("metAt", filedAt.toString());
    }

    @Test
    @DisplayName("R-REP-7 an answer that arrives before its question (incident.reports) leaves the question clock met")
    void answerBeforeQuestion() {
        UUID incident = UUID.randomUUID();
        Instant askedAt = now();
        Instant answeredAt = askedAt.plus(ofMinutes(4));
        kafka.publish(questionAnswered(incident, false, answeredAt));
        kafka.publish(questionAsked(incident, askedAt, null));

        assertThat(awaitEnded(incident, DeadlineKind.QUESTION, 1).get(0)).containsEntry("status", "MET")
                .containsEntry("metAt", answeredAt.toString());
    }

    @Test
    @DisplayName("R-PM-2 a root cause analysis completed (incident.documents) before the close (incident.lifecycle) is applied leaves its clock met")
    void rootCauseAnalysisBeforeClose() {
        UUID incident = UUID.randomUUID();
        Instant closedAt = now();
        Instant completedAt = closedAt.plus(ofMinutes(30));
        kafka.publish(reported(incident, Severity.SEV3, true, false, closedAt.minus(ofHours(1))));
        publishAndAwait(rootCauseAnalysisCompleted(incident, completedAt));
        kafka.publish(closed(incident, Severity.SEV3, closedAt.minus(ofHours(1)), closedAt));

        assertThat(awaitEnded(incident, DeadlineKind.ROOT_CAUSE_ANALYSIS, 1).get(0)).containsEntry("status", "MET")
                .containsEntry("metAt", completedAt.toString());
    }

    @Test
    @DisplayName("R-CLS-1 an objection that arrives before its close proposal (incident.lifecycle) cancels the objection window")
    void objectionBeforeProposal() {
        UUID incident = UUID.randomUUID();
        Instant proposedAt = now();
        Instant objectedAt = proposedAt.plus(ofMinutes(3));
        kafka.publish(reported(incident, Severity.SEV3, true, false, proposedAt.minus(ofHours(1))));
        kafka.publish(closeObjected(incident, objectedAt));
        kafka.publish(closeProposed(incident, proposedAt, proposedAt.plus(ofMinutes(10))));

        assertThat(awaitEnded(incident, DeadlineKind.CLOSE_OBJECTION_WINDOW, 1).get(0))
                .containsEntry("status", "CANCELLED").containsEntry("cancelledAt", objectedAt.toString());
    }

    @Test
    @DisplayName("R-DOC-2 an update written (incident.documents) before the acknowledgement (incident.lifecycle) is applied meets the first period and starts the next from it")
    void documentUpdateBeforeAcknowledgement() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now();
        Instant updatedAt = acknowledgedAt.plus(ofMinutes(30));
        kafka.publish(reported(incident, Severity.SEV3, true, false, acknowledgedAt.minusSeconds(60)));
        publishAndAwait(documentUpdated(incident, 1, "update", updatedAt));
        kafka.publish(acknowledged(incident, acknowledgedAt));

        List<Map<String, String>> updates = clocks(awaitDeadlines(incident,
                j -> clocks(j, DeadlineKind.DOCUMENT_UPDATE).size() == 2), DeadlineKind.DOCUMENT_UPDATE);
        assertThat(updates.get(0)).containsEntry("status", "MET").containsEntry("metAt", updatedAt.toString());
        assertThat(updates.get(1)).containsEntry("status", "PENDING")
                .containsEntry("dueAt", updatedAt.plus(ofHours(2)).toString());
    }

    @Test
    @DisplayName("R-CMD-5 a hand-off that arrives before the acknowledgement (incident.lifecycle) meets the first fatigue period and starts the next from it")
    void handOffBeforeAcknowledgement() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now();
        Instant handedOffAt = acknowledgedAt.plus(ofMinutes(40));
        kafka.publish(reported(incident, Severity.SEV3, true, false, acknowledgedAt.minusSeconds(60)));
        kafka.publish(handedOff(incident, handedOffAt));
        kafka.publish(acknowledged(incident, acknowledgedAt));

        List<Map<String, String>> fatigue = clocks(awaitDeadlines(incident,
                j -> clocks(j, DeadlineKind.FATIGUE_ROTATION).size() == 2), DeadlineKind.FATIGUE_ROTATION);
        assertThat(fatigue.get(0)).containsEntry("status", "MET").containsEntry("metAt", handedOffAt.toString());
        assertThat(fatigue.get(1)).containsEntry("status", "PENDING")
                .containsEntry("dueAt", handedOffAt.plus(ofHours(4)).toString());
    }

    @Test
    @DisplayName("R-SEC-3 a leadership update written (incident.documents) before the acknowledgement (incident.lifecycle) is applied starts the next period from it")
    void leadershipUpdateBeforeAcknowledgement() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now();
        Instant sentAt = acknowledgedAt.plus(ofMinutes(30));
        kafka.publish(reported(incident, Severity.SEV1, true, false, acknowledgedAt.minusSeconds(60)));
        publishAndAwait(documentUpdated(incident, 1, "leadership-update", sentAt));
        kafka.publish(acknowledged(incident, acknowledgedAt));

        List<Map<String, String>> leadership = clocks(awaitDeadlines(incident,
                j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 2), DeadlineKind.LEADERSHIP_UPDATE);
        assertThat(leadership.get(0)).containsEntry("status", "MET").containsEntry("metAt", sentAt.toString());
        assertThat(leadership.get(1)).containsEntry("status", "PENDING")
                .containsEntry("dueAt", sentAt.plus(ofHours(4)).toString());
    }
}
