package io.incident.deadline.incident;

import io.incident.deadline.incident.StopsBeforeStart.Effect;
import io.incident.events.DeadlineKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

/** Which remembered stops end a clock as it starts, without a database. */
class StopsBeforeStartTest {

    private static final Instant START = Instant.parse("2026-03-03T09:00:00Z");

    private static Instant at(int minutes) {
        return START.plus(ofMinutes(minutes));
    }

    @ParameterizedTest
    @EnumSource(DeadlineKind.class)
    @DisplayName("no stop heard: every kind of clock keeps running")
    void nothingHeard(DeadlineKind kind) {
        assertThat(StopsBeforeStart.endings(kind, START, List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DeadlineKind.class)
    @DisplayName("a stop heard after the start's instant ends every kind of clock as it starts")
    void stopAfterTheStartEndsEveryKind(DeadlineKind kind) {
        assertThat(StopsBeforeStart.endings(kind, START, List.of(at(3)))).containsExactly(at(3));
    }

    @Test
    @DisplayName("R-ACK-3 commander's acknowledge publishes the triage decision first, at the same instant: the triage clock is met at its start")
    void triageAtTheAcknowledgement() {
        assertThat(StopsBeforeStart.effect(DeadlineKind.TRIAGE)).isEqualTo(Effect.STOP_ONCE);
        assertThat(StopsBeforeStart.endings(DeadlineKind.TRIAGE, START, List.of(START))).containsExactly(START);
    }

    @Test
    @DisplayName("R-ACK-3 a triage decided before anyone acknowledged meets the triage clock when it starts, not before")
    void triageBeforeTheAcknowledgement() {
        assertThat(StopsBeforeStart.endings(DeadlineKind.TRIAGE, START, List.of(at(-4), at(-2))))
                .containsExactly(START);
    }

    @Test
    @DisplayName("R-SEC-1 R-PM-2 R-REP-7 a clock that runs once per incident is ended by its earliest stop heard")
    void onceKindsTakeTheEarliestStop() {
        for (DeadlineKind kind : List.of(DeadlineKind.SECURITY_FORM, DeadlineKind.ROOT_CAUSE_ANALYSIS,
                DeadlineKind.QUESTION)) {
            assertThat(StopsBeforeStart.effect(kind)).as(kind.name()).isEqualTo(Effect.STOP_ONCE);
            assertThat(StopsBeforeStart.endings(kind, START, List.of(at(20), at(7)))).as(kind.name())
                    .containsExactly(at(7));
        }
    }

    @Test
    @DisplayName("R-CLS-1 an objection ends the window it was raised in: one at or after the proposal cancels it, an earlier one does not")
    void objectionBelongsToItsRound() {
        DeadlineKind window = DeadlineKind.CLOSE_OBJECTION_WINDOW;
        assertThat(StopsBeforeStart.effect(window)).isEqualTo(Effect.CANCEL_ROUND);
        assertThat(StopsBeforeStart.endings(window, START, List.of(at(-5)))).as("an earlier proposal's").isEmpty();
        assertThat(StopsBeforeStart.endings(window, START, List.of(at(-5), START, at(4))))
                .as("the first in this round").containsExactly(START);
    }

    @Test
    @DisplayName("R-DOC-2 R-CMD-5 R-SEC-3 updates and hand-offs heard before the start restart the clock from each, in order; stale ones do not")
    void restartsReplayInOrder() {
        for (DeadlineKind kind : List.of(DeadlineKind.DOCUMENT_UPDATE, DeadlineKind.FATIGUE_ROTATION,
                DeadlineKind.LEADERSHIP_UPDATE)) {
            assertThat(StopsBeforeStart.effect(kind)).as(kind.name()).isEqualTo(Effect.RESTART);
            assertThat(StopsBeforeStart.endings(kind, START, List.of(at(50), at(-10), START, at(30), at(50))))
                    .as(kind.name()).containsExactly(at(30), at(50));
        }
    }
}
