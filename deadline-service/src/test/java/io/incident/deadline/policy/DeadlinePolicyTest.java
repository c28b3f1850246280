package io.incident.deadline.policy;

import io.incident.deadline.calendar.BusinessCalendar;
import io.incident.events.DeadlineKind;
import io.incident.events.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlinePolicyTest {

    /** The values PROCESS.md gives; {@code DeadlineSettingsTest} checks that the service ships them. */
    static final DeadlinePolicy.Goals PROCESS_MD = new DeadlinePolicy.Goals(ofMinutes(5), ofMinutes(15),
            ofMinutes(15), ofMinutes(15), ofMinutes(15), ofHours(2), ofHours(1), ofHours(4), ofHours(24), ofHours(4),
            ofMinutes(10), 1);

    private static final BusinessCalendar CALENDAR = new BusinessCalendar(ZoneOffset.UTC, Set.of());
    static final DeadlinePolicy.EntryKinds KINDS = new DeadlinePolicy.EntryKinds(
            Set.of("update", "status-summary", "leadership-update"), "leadership-update");
    private static final DeadlinePolicy POLICY = new DeadlinePolicy(PROCESS_MD, 0.8, CALENDAR,
            Map.of("payments", ZoneId.of("America/Los_Angeles")), KINDS);
    // A Tuesday.
    private static final Instant T = Instant.parse("2026-03-03T09:00:00Z");

    @Test
    @DisplayName("R-ACK-2 an alert likely to be an incident must be acknowledged within 5 minutes of the report")
    void likelyIncident() {
        DeadlinePolicy.Timing t = POLICY.acknowledge(T, true);
        assertThat(t.startsAt()).isEqualTo(T);
        assertThat(t.dueAt()).isEqualTo(T.plus(ofMinutes(5)));
    }

    @Test
    @DisplayName("R-ACK-2 a standard automated alert must be acknowledged within 15 minutes of the report")
    void standardAlert() {
        assertThat(POLICY.acknowledge(T, false).dueAt()).isEqualTo(T.plus(ofMinutes(15)));
    }

    @Test
    @DisplayName("a clock warns when 80 % of its time has passed: 4 minutes into the 5-minute acknowledge clock")
    void warnsAtFraction() {
        assertThat(POLICY.acknowledge(T, true).warnAt()).isEqualTo(T.plus(ofMinutes(4)));
        assertThat(POLICY.after(DeadlineKind.DOCUMENT_UPDATE, T).warnAt()).isEqualTo(T.plus(ofMinutes(96)));
        DeadlinePolicy halfway = new DeadlinePolicy(PROCESS_MD, 0.5, CALENDAR, Map.of(), KINDS);
        assertThat(halfway.acknowledge(T, false).warnAt()).isEqualTo(T.plus(Duration.ofSeconds(450)));
    }

    @Test
    @DisplayName("a warn fraction of 1 means no warning; a fraction outside (0, 1] is refused at start-up")
    void warnFractionBounds() {
        assertThat(new DeadlinePolicy(PROCESS_MD, 1.0, CALENDAR, Map.of(), KINDS).acknowledge(T, true).warnAt()).isNull();
        for (double bad : new double[] {0, -0.2, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new DeadlinePolicy(PROCESS_MD, bad, CALENDAR, Map.of(), KINDS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warn fraction");
        }
    }

    @Test
    @DisplayName("a goal that is zero or negative is refused at start-up")
    void goalsArePositive() {
        assertThatThrownBy(() -> new DeadlinePolicy.Goals(Duration.ZERO, ofMinutes(15), ofMinutes(15), ofMinutes(15),
                ofMinutes(15), ofHours(2), ofHours(1), ofHours(4), ofHours(24), ofHours(4), ofMinutes(10), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlinePolicy.Goals(ofMinutes(5), ofMinutes(15), ofMinutes(15), ofMinutes(15),
                ofMinutes(15), ofHours(2), ofHours(1), ofHours(4), ofHours(24), ofHours(4), ofMinutes(10), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-ACK-3 a responder has 15 minutes to judge an alert")
    void triage() {
        assertThat(POLICY.after(DeadlineKind.TRIAGE, T).dueAt()).isEqualTo(T.plus(ofMinutes(15)));
    }

    @Test
    @DisplayName("R-REP-7 a question not answered within 15 minutes becomes an incident")
    void question() {
        assertThat(POLICY.after(DeadlineKind.QUESTION, T).dueAt()).isEqualTo(T.plus(ofMinutes(15)));
    }

    @Test
    @DisplayName("R-CMD-7 the IC answers inquiries within 15 minutes")
    void inquiry() {
        assertThat(POLICY.after(DeadlineKind.INQUIRY_RESPONSE, T).dueAt()).isEqualTo(T.plus(ofMinutes(15)));
    }

    @Test
    @DisplayName("R-DOC-2 the document is updated at least every 2 hours; entries the platform writes do not count")
    void documentUpdate() {
        assertThat(POLICY.after(DeadlineKind.DOCUMENT_UPDATE, T).dueAt()).isEqualTo(T.plus(ofHours(2)));
        assertThat(POLICY.countsAsDocumentUpdate("update")).isTrue();
        assertThat(POLICY.countsAsDocumentUpdate("status-summary")).isTrue();
        assertThat(POLICY.countsAsDocumentUpdate("report-attached")).isFalse();
        assertThat(POLICY.countsAsDocumentUpdate("reported")).isFalse();
        assertThat(POLICY.countsAsDocumentUpdate("some-kind-added-later")).as("only the kinds people write").isFalse();
        assertThat(POLICY.countsAsDocumentUpdate(null)).isFalse();
    }

    @Test
    @DisplayName("R-SEC-1 the security incident form is due 1 hour after identification")
    void securityForm() {
        assertThat(POLICY.after(DeadlineKind.SECURITY_FORM, T).dueAt()).isEqualTo(T.plus(ofHours(1)));
    }

    @Test
    @DisplayName("R-SEC-3 leadership updates: SEV1 every 4 hours, SEV2 daily, none scheduled for SEV3 and SEV4")
    void leadershipUpdate() {
        assertThat(POLICY.leadershipUpdate(Severity.SEV1, T)).get()
                .extracting(DeadlinePolicy.Timing::dueAt).isEqualTo(T.plus(ofHours(4)));
        assertThat(POLICY.leadershipUpdate(Severity.SEV2, T)).get()
                .extracting(DeadlinePolicy.Timing::dueAt).isEqualTo(T.plus(ofHours(24)));
        assertThat(POLICY.leadershipUpdate(Severity.SEV3, T)).isEmpty();
        assertThat(POLICY.leadershipUpdate(Severity.SEV4, T)).isEmpty();
        assertThat(POLICY.leadershipUpdate(null, T)).as("severity not known yet").isEmpty();
    }

    @Test
    @DisplayName("R-CMD-5 the response team is reminded to rotate after 4 hours")
    void fatigueRotation() {
        assertThat(POLICY.after(DeadlineKind.FATIGUE_ROTATION, T).dueAt()).isEqualTo(T.plus(ofHours(4)));
    }

    @Test
    @DisplayName("R-CLS-1 the objection window ends when the proposal says, or 10 minutes after it without an end")
    void closeObjectionWindow() {
        assertThat(POLICY.closeObjectionWindow(T, T.plus(ofMinutes(30))).dueAt()).isEqualTo(T.plus(ofMinutes(30)));
        assertThat(POLICY.closeObjectionWindow(T, null).dueAt()).isEqualTo(T.plus(ofMinutes(10)));
        DeadlinePolicy.Timing already = POLICY.closeObjectionWindow(T, T.minus(ofMinutes(1)));
        assertThat(already.warnAt()).as("a window that ended before it opened has no warning").isNull();
    }

    @Test
    @DisplayName("R-PM-2 the root cause analysis is due one business day after closing: Friday's close is due Monday")
    void rootCauseAnalysis() {
        Instant friday = Instant.parse("2026-03-06T16:00:00Z");
        DeadlinePolicy.Timing t = POLICY.rootCauseAnalysis(friday, null);
        assertThat(t.startsAt()).isEqualTo(friday);
        assertThat(t.dueAt()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(t.warnAt()).as("80 percent of the 72 hours").isEqualTo(friday.plus(Duration.ofMinutes(3456)));
    }

    @Test
    @DisplayName("R-PM-2 the business day is the owning team's: a team in another time zone counts from its own midnight")
    void rootCauseAnalysisInTeamZone() {
        // Saturday 03:00 UTC is still Friday 19:00 in Los Angeles: a business day for that team, not for UTC.
        Instant close = Instant.parse("2026-03-07T03:00:00Z");
        assertThat(POLICY.rootCauseAnalysis(close, "payments").dueAt())
                .as("Friday 19:00 local + one business day = Monday 19:00 local")
                .isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
        assertThat(POLICY.rootCauseAnalysis(close, "search").dueAt())
                .as("a team without a zone of its own counts in UTC: from Saturday, Tuesday 00:00")
                .isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    @Test
    @DisplayName("R-ACK-2 after an escalation the acknowledge clock runs until the time the commander gave the level it paged")
    void acknowledgeBy() {
        DeadlinePolicy.Timing t = POLICY.acknowledgeBy(T, T.plus(ofMinutes(10)));
        assertThat(t.dueAt()).isEqualTo(T.plus(ofMinutes(10)));
        assertThat(t.warnAt()).isEqualTo(T.plus(ofMinutes(8)));
    }

    @Test
    @DisplayName("R-SEC-3 a leadership update written into the document is recognised by its entry kind")
    void leadershipUpdateKind() {
        assertThat(POLICY.isLeadershipUpdate("leadership-update")).isTrue();
        assertThat(POLICY.isLeadershipUpdate("update")).isFalse();
    }

    @Test
    @DisplayName("kinds with a period of their own are refused by the fixed-period method")
    void fixedPeriodOnly() {
        assertThatThrownBy(() -> POLICY.after(DeadlineKind.ACKNOWLEDGE, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POLICY.after(DeadlineKind.ROOT_CAUSE_ANALYSIS, T))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-REP-7 a question is due 15 minutes after it was asked, warning at 12")
    void questionGoal() {
        DeadlinePolicy.Timing t = POLICY.question(T, null);
        assertThat(t.startsAt()).isEqualTo(T);
        assertThat(t.dueAt()).isEqualTo(T.plus(ofMinutes(15)));
        assertThat(t.warnAt()).isEqualTo(T.plus(ofMinutes(12)));
        assertThat(POLICY.question(T, T.plus(ofMinutes(15))).dueAt()).isEqualTo(T.plus(ofMinutes(15)));
    }

    @Test
    @DisplayName("R-REP-7 an asker who needs the answer sooner gets a sooner clock, but never a later one")
    void questionAnswerBy() {
        assertThat(POLICY.question(T, T.plus(ofMinutes(5))).dueAt()).isEqualTo(T.plus(ofMinutes(5)));
        assertThat(POLICY.question(T, T.plus(ofHours(2))).dueAt()).isEqualTo(T.plus(ofMinutes(15)));
    }
}
