package io.incident.deadline.incident;

import io.incident.deadline.calendar.BusinessCalendar;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineScheduled;
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

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.incident.deadline.ServiceUnderTest.TIMEOUT;
import static io.incident.deadline.ServiceUnderTest.acknowledged;
import static io.incident.deadline.ServiceUnderTest.advance;
import static io.incident.deadline.ServiceUnderTest.awaitDeadlines;
import static io.incident.deadline.ServiceUnderTest.closeObjected;
import static io.incident.deadline.ServiceUnderTest.closeProposed;
import static io.incident.deadline.ServiceUnderTest.closed;
import static io.incident.deadline.ServiceUnderTest.decode;
import static io.incident.deadline.ServiceUnderTest.documentUpdated;
import static io.incident.deadline.ServiceUnderTest.handedOff;
import static io.incident.deadline.ServiceUnderTest.now;
import static io.incident.deadline.ServiceUnderTest.paged;
import static io.incident.deadline.ServiceUnderTest.ofType;
import static io.incident.deadline.ServiceUnderTest.reported;
import static io.incident.deadline.ServiceUnderTest.resolved;
import static io.incident.deadline.ServiceUnderTest.securityFormFiled;
import static io.incident.deadline.ServiceUnderTest.severityChanged;
import static io.incident.deadline.ServiceUnderTest.triaged;
import static io.incident.testkit.KafkaTestClient.about;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

/** Which events start and stop which clocks, driven through the real topics. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class ProcessClocksTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** The incident's clocks of one kind, in the order they started. */
    private static List<Map<String, String>> clocks(JsonPath deadlines, DeadlineKind kind) {
        List<Map<String, String>> all = deadlines.getList("findAll { it.kind == '" + kind + "' }");
        return all.stream().sorted((a, b) -> a.get("startedAt").compareTo(b.get("startedAt"))).toList();
    }

    private static Map<String, String> only(JsonPath deadlines, DeadlineKind kind) {
        List<Map<String, String>> of = clocks(deadlines, kind);
        assertThat(of).as(kind.name()).hasSize(1);
        return of.get(0);
    }

    private static Instant instant(Map<String, String> clock, String field) {
        return Instant.parse(clock.get(field));
    }

    @Test
    @DisplayName("R-ACK-2 R-DOC-2 R-ACK-3 R-CMD-5 an acknowledgement meets the acknowledge clock and starts the response clocks")
    void acknowledgementStartsResponseClocks() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = now();
        kafka.publish(reported(incident, Severity.SEV3, false, false, reportedAt));
        awaitDeadlines(incident, d -> d.getList("$").size() == 1);

        Instant acknowledgedAt = now();
        kafka.publish(acknowledged(incident, acknowledgedAt));
        JsonPath d = awaitDeadlines(incident, j -> j.getList("$").size() == 4);

        assertThat(only(d, DeadlineKind.ACKNOWLEDGE)).containsEntry("status", "MET")
                .containsEntry("metAt", acknowledgedAt.toString());
        assertThat(instant(only(d, DeadlineKind.TRIAGE), "dueAt")).isEqualTo(acknowledgedAt.plus(ofMinutes(15)));
        assertThat(instant(only(d, DeadlineKind.DOCUMENT_UPDATE), "dueAt")).isEqualTo(acknowledgedAt.plus(ofHours(2)));
        assertThat(instant(only(d, DeadlineKind.FATIGUE_ROTATION), "dueAt")).isEqualTo(acknowledgedAt.plus(ofHours(4)));
        assertThat(clocks(d, DeadlineKind.LEADERSHIP_UPDATE)).as("a SEV3 owes leadership no schedule").isEmpty();

        List<ConsumerRecord<String, String>> scheduled = kafka.read(Topics.DEADLINES,
                about(incident).and(ofType(DeadlineScheduled.class)), 4, TIMEOUT);
        assertThat(scheduled.stream().map(r -> ((DeadlineScheduled) decode(r)).kind()))
                .containsExactlyInAnyOrder(DeadlineKind.ACKNOWLEDGE, DeadlineKind.TRIAGE, DeadlineKind.DOCUMENT_UPDATE,
                        DeadlineKind.FATIGUE_ROTATION);
    }

    @Test
    @DisplayName("R-ACK-3 R-CMD-5 a triage decision meets the triage clock; a hand-off restarts the fatigue clock")
    void triageAndHandOff() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now();
        kafka.publish(reported(incident, Severity.SEV3, true, false, acknowledgedAt.minusSeconds(60)));
        kafka.publish(acknowledged(incident, acknowledgedAt));
        awaitDeadlines(incident, j -> clocks(j, DeadlineKind.FATIGUE_ROTATION).size() == 1);

        Instant decidedAt = now();
        kafka.publish(triaged(incident, decidedAt));
        Instant handedOffAt = now();
        kafka.publish(handedOff(incident, handedOffAt));
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.FATIGUE_ROTATION).size() == 2);

        assertThat(only(d, DeadlineKind.TRIAGE)).containsEntry("status", "MET").containsEntry("metAt", decidedAt.toString());
        List<Map<String, String>> fatigue = clocks(d, DeadlineKind.FATIGUE_ROTATION);
        assertThat(fatigue.get(0)).containsEntry("status", "MET").containsEntry("metAt", handedOffAt.toString());
        assertThat(fatigue.get(1)).containsEntry("status", "PENDING");
        assertThat(instant(fatigue.get(1), "dueAt")).isEqualTo(handedOffAt.plus(ofHours(4)));
    }

    @Test
    @DisplayName("R-DOC-2 each document update by the IC restarts the 2-hour clock; the platform's own and late entries do not")
    void documentUpdatesRestartTheClock() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now().minus(ofHours(1));
        kafka.publish(reported(incident, Severity.SEV3, true, false, acknowledgedAt.minusSeconds(60)));
        kafka.publish(acknowledged(incident, acknowledgedAt));
        // Documents and lifecycle are different topics: wait until the IC has command before updating.
        awaitDeadlines(incident, j -> clocks(j, DeadlineKind.DOCUMENT_UPDATE).size() == 1);

        kafka.publish(documentUpdated(incident, 1, "report-attached", acknowledgedAt.plus(ofMinutes(30))));
        kafka.publish(documentUpdated(incident, 2, "update", acknowledgedAt.plus(ofMinutes(50))));
        kafka.publish(documentUpdated(incident, 3, "update", acknowledgedAt.plus(ofMinutes(40))));
        kafka.publish(documentUpdated(incident, 4, "update", acknowledgedAt.plus(ofMinutes(55))));
        // Same partition, in order: once the last update's clock shows, the three before it were handled.
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.DOCUMENT_UPDATE).size() >= 3);

        List<Map<String, String>> updates = clocks(d, DeadlineKind.DOCUMENT_UPDATE);
        assertThat(updates).hasSize(3);
        assertThat(updates.get(0)).containsEntry("status", "MET")
                .containsEntry("metAt", acknowledgedAt.plus(ofMinutes(50)).toString());
        assertThat(updates.get(1)).containsEntry("status", "MET")
                .containsEntry("metAt", acknowledgedAt.plus(ofMinutes(55)).toString());
        assertThat(updates.get(2)).containsEntry("status", "PENDING");
        assertThat(instant(updates.get(2), "dueAt")).isEqualTo(acknowledgedAt.plus(ofMinutes(55)).plus(ofHours(2)));
    }

    @Test
    @DisplayName("R-CLS-1 a close proposal opens the objection window, an objection cancels it, an unopposed one runs out")
    void objectionWindow() {
        UUID incident = UUID.randomUUID();
        Instant proposedAt = now();
        kafka.publish(reported(incident, Severity.SEV3, true, false, proposedAt.minus(ofHours(1))));
        kafka.publish(closeProposed(incident, proposedAt, proposedAt.plus(ofMinutes(10))));
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.CLOSE_OBJECTION_WINDOW).size() == 1);
        assertThat(instant(only(d, DeadlineKind.CLOSE_OBJECTION_WINDOW), "dueAt"))
                .isEqualTo(proposedAt.plus(ofMinutes(10)));

        Instant objectedAt = now();
        kafka.publish(closeObjected(incident, objectedAt));
        Instant proposedAgainAt = now().plusMillis(1);
        kafka.publish(closeProposed(incident, proposedAgainAt, null));
        d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.CLOSE_OBJECTION_WINDOW).size() == 2);
        List<Map<String, String>> windows = clocks(d, DeadlineKind.CLOSE_OBJECTION_WINDOW);
        assertThat(windows.get(0)).containsEntry("status", "CANCELLED")
                .containsEntry("cancelledAt", objectedAt.toString());
        assertThat(windows.get(1)).containsEntry("status", "PENDING");
        assertThat(instant(windows.get(1), "dueAt")).as("the configured 10 minutes when the proposal names no end")
                .isEqualTo(proposedAgainAt.plus(ofMinutes(10)));

        advance(ofMinutes(11));
        // The acknowledge clock of the hour-old report breached long ago; only the window's end is of interest.
        List<ConsumerRecord<String, String>> ranOut = kafka.read(Topics.DEADLINES, about(incident)
                .and(ofType(DeadlineBreached.class)).and(r -> r.value().contains("CLOSE_OBJECTION_WINDOW")), 1, TIMEOUT);
        assertThat(ranOut).hasSize(1);
        assertThat(((DeadlineBreached) decode(ranOut.get(0))).kind()).isEqualTo(DeadlineKind.CLOSE_OBJECTION_WINDOW);
    }

    @Test
    @DisplayName("R-SEC-3 leadership hears SEV2 daily and SEV1 every 4 hours until the incident is resolved")
    void leadershipUpdates() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now();
        kafka.publish(reported(incident, Severity.SEV2, true, false, acknowledgedAt.minusSeconds(60)));
        kafka.publish(acknowledged(incident, acknowledgedAt));
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 1);
        assertThat(instant(only(d, DeadlineKind.LEADERSHIP_UPDATE), "dueAt")).isEqualTo(acknowledgedAt.plus(ofHours(24)));

        Instant changedAt = now();
        kafka.publish(severityChanged(incident, Severity.SEV2, Severity.SEV1, changedAt));
        Instant resolvedAt = now().plusMillis(1);
        kafka.publish(resolved(incident, resolvedAt));
        d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 2
                && clocks(j, DeadlineKind.LEADERSHIP_UPDATE).stream().noneMatch(c -> "PENDING".equals(c.get("status"))));

        List<Map<String, String>> leadership = clocks(d, DeadlineKind.LEADERSHIP_UPDATE);
        assertThat(leadership.get(0)).containsEntry("status", "CANCELLED")
                .containsEntry("cancelledAt", changedAt.toString());
        assertThat(instant(leadership.get(1), "dueAt")).as("SEV1: every 4 hours").isEqualTo(changedAt.plus(ofHours(4)));
        assertThat(leadership.get(1)).containsEntry("status", "CANCELLED")
                .containsEntry("cancelledAt", resolvedAt.toString());
    }

    @Test
    @DisplayName("R-PM-2 R-SEC-1 a close cancels every running clock but the security form and starts the root cause analysis")
    void closeStartsRootCauseAnalysis() {
        UUID incident = UUID.randomUUID();
        Instant reportedAt = now();
        kafka.publish(reported(incident, Severity.SEV1, true, true, reportedAt));
        JsonPath d = awaitDeadlines(incident, j -> j.getList("$").size() == 2);
        assertThat(instant(only(d, DeadlineKind.SECURITY_FORM), "dueAt")).isEqualTo(reportedAt.plus(ofHours(1)));

        Instant acknowledgedAt = now();
        kafka.publish(acknowledged(incident, acknowledgedAt));
        awaitDeadlines(incident, j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 1);

        Instant closedAt = now();
        kafka.publish(closed(incident, Severity.SEV1, reportedAt, closedAt));
        d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.ROOT_CAUSE_ANALYSIS).size() == 1);

        for (DeadlineKind kind : List.of(DeadlineKind.TRIAGE, DeadlineKind.DOCUMENT_UPDATE,
                DeadlineKind.FATIGUE_ROTATION, DeadlineKind.LEADERSHIP_UPDATE)) {
            assertThat(only(d, kind)).as(kind.name()).containsEntry("status", "CANCELLED")
                    .containsEntry("cancelledAt", closedAt.toString());
        }
        assertThat(only(d, DeadlineKind.SECURITY_FORM)).as("due even if the incident closes sooner")
                .containsEntry("status", "PENDING");
        Map<String, String> rca = only(d, DeadlineKind.ROOT_CAUSE_ANALYSIS);
        Instant due = new BusinessCalendar(ZoneOffset.UTC, Set.of()).plusBusinessDays(closedAt, 1);
        assertThat(rca).containsEntry("status", "PENDING");
        assertThat(instant(rca, "startedAt")).isEqualTo(closedAt);
        assertThat(instant(rca, "dueAt")).isEqualTo(due);

        List<ConsumerRecord<String, String>> scheduled = kafka.read(Topics.DEADLINES, about(incident)
                .and(ofType(DeadlineScheduled.class)).and(r -> r.value().contains("ROOT_CAUSE_ANALYSIS")), 1, TIMEOUT);
        assertThat(scheduled).hasSize(1);
        assertThat(((DeadlineScheduled) decode(scheduled.get(0))).dueAt()).isEqualTo(due);

        Instant filedAt = now();
        kafka.publish(securityFormFiled(incident, filedAt));
        awaitDeadlines(incident, j -> "MET".equals(only(j, DeadlineKind.SECURITY_FORM).get("status")));
    }

    @Test
    @DisplayName("R-ACK-2 R-SEC-3 an acknowledgement that arrives before the report starts no acknowledge clock")
    void acknowledgementBeforeReport() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now();
        kafka.publish(acknowledged(incident, acknowledgedAt));
        awaitDeadlines(incident, j -> clocks(j, DeadlineKind.DOCUMENT_UPDATE).size() == 1);

        kafka.publish(reported(incident, Severity.SEV1, true, false, acknowledgedAt.minusSeconds(60)));
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 1);
        assertThat(clocks(d, DeadlineKind.ACKNOWLEDGE)).isEmpty();
        assertThat(instant(only(d, DeadlineKind.LEADERSHIP_UPDATE), "dueAt")).isEqualTo(acknowledgedAt.plus(ofHours(4)));
    }

    @Test
    @DisplayName("R-SEC-3 whichever order the report, acknowledgement and severity change arrive in, one leadership clock runs")
    void severityKnownTwiceStartsOneClock() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now();
        kafka.publish(acknowledged(incident, acknowledgedAt));
        Instant changedAt = acknowledgedAt.plusMillis(1);
        kafka.publish(severityChanged(incident, Severity.SEV3, Severity.SEV1, changedAt));
        awaitDeadlines(incident, j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 1);

        // A security report shows when it was handled: it starts the security form clock.
        kafka.publish(reported(incident, Severity.SEV3, true, true, acknowledgedAt.minusSeconds(60)));
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.SECURITY_FORM).size() == 1);
        assertThat(only(d, DeadlineKind.LEADERSHIP_UPDATE)).containsEntry("status", "PENDING");
        assertThat(instant(only(d, DeadlineKind.LEADERSHIP_UPDATE), "dueAt")).isEqualTo(changedAt.plus(ofHours(4)));
    }

    @Test
    @DisplayName("R-ACK-2 R-CMD-8 when the commander pages the next level or another team, the acknowledge clock runs until the time it gave")
    void escalationRestartsTheAcknowledgeClock() {
        UUID incident = UUID.randomUUID();
        // A likely incident reported 5 minutes ago: its first acknowledge clock is already due.
        Instant reportedAt = now().minus(ofMinutes(5)).minusSeconds(1);
        kafka.publish(reported(incident, Severity.SEV2, true, false, reportedAt));
        kafka.publish(paged(incident, 1, reportedAt, reportedAt.plus(ofMinutes(5))));
        awaitDeadlines(incident, j -> "BREACHED".equals(only(j, DeadlineKind.ACKNOWLEDGE).get("status")));

        Instant pagedAt = now();
        kafka.publish(paged(incident, 2, pagedAt, pagedAt.plus(ofMinutes(10))));
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.ACKNOWLEDGE).size() == 2);
        Map<String, String> second = clocks(d, DeadlineKind.ACKNOWLEDGE).get(1);
        assertThat(second).containsEntry("status", "PENDING");
        assertThat(instant(second, "dueAt")).isEqualTo(pagedAt.plus(ofMinutes(10)));

        // R-CMD-8: routed to another team, whose first level gets a fresh goal.
        Instant routedAt = now();
        kafka.publish(paged(incident, 1, routedAt, routedAt.plus(ofMinutes(15))));
        d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.ACKNOWLEDGE).size() == 3);
        assertThat(clocks(d, DeadlineKind.ACKNOWLEDGE).get(1)).containsEntry("status", "CANCELLED");
        assertThat(instant(clocks(d, DeadlineKind.ACKNOWLEDGE).get(2), "dueAt")).isEqualTo(routedAt.plus(ofMinutes(15)));

        Instant acknowledgedAt = now();
        kafka.publish(acknowledged(incident, acknowledgedAt));
        d = awaitDeadlines(incident, j -> "MET".equals(clocks(j, DeadlineKind.ACKNOWLEDGE).get(2).get("status")));
        assertThat(clocks(d, DeadlineKind.ACKNOWLEDGE)).hasSize(3);
    }

    @Test
    @DisplayName("R-CMD-5 the fatigue-rotation reminder comes round every 4 hours while the same team keeps command")
    void fatigueReminderComesRound() {
        UUID incident = UUID.randomUUID();
        // Command taken almost 4 hours ago: the first reminder is due in two seconds.
        Instant acknowledgedAt = now().minus(ofHours(4)).plusSeconds(2);
        kafka.publish(reported(incident, Severity.SEV3, true, false, acknowledgedAt.minusSeconds(60)));
        kafka.publish(acknowledged(incident, acknowledgedAt));

        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.FATIGUE_ROTATION).size() == 2);
        List<Map<String, String>> fatigue = clocks(d, DeadlineKind.FATIGUE_ROTATION);
        assertThat(fatigue.get(0)).containsEntry("status", "BREACHED");
        assertThat(fatigue.get(1)).containsEntry("status", "PENDING");
        assertThat(instant(fatigue.get(1), "dueAt")).as("counted from when the first was due")
                .isEqualTo(acknowledgedAt.plus(ofHours(8)));
    }

    @Test
    @DisplayName("R-SEC-3 a leadership update written into the document starts the next period of the leadership clock")
    void leadershipUpdateRestartsTheLeadershipClock() {
        UUID incident = UUID.randomUUID();
        Instant acknowledgedAt = now().minus(ofHours(1));
        kafka.publish(reported(incident, Severity.SEV1, true, false, acknowledgedAt.minusSeconds(60)));
        kafka.publish(acknowledged(incident, acknowledgedAt));
        awaitDeadlines(incident, j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 1);

        Instant sentAt = acknowledgedAt.plus(ofMinutes(30));
        kafka.publish(documentUpdated(incident, 1, "leadership-update", sentAt));
        JsonPath d = awaitDeadlines(incident, j -> clocks(j, DeadlineKind.LEADERSHIP_UPDATE).size() == 2);
        List<Map<String, String>> leadership = clocks(d, DeadlineKind.LEADERSHIP_UPDATE);
        assertThat(leadership.get(0)).containsEntry("status", "MET").containsEntry("metAt", sentAt.toString());
        assertThat(instant(leadership.get(1), "dueAt")).isEqualTo(sentAt.plus(ofHours(4)));
    }
}
