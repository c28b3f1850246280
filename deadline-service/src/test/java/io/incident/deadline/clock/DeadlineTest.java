package io.incident.deadline.clock;

import io.incident.deadline.policy.DeadlinePolicy;
import io.incident.events.DeadlineKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life of one clock, without a database. */
class DeadlineTest {

    private static final Instant T = Instant.parse("2026-03-03T09:00:00Z");

    private static Deadline acknowledgeClock() {
        return Deadline.start(UUID.randomUUID(), DeadlineKind.ACKNOWLEDGE,
                new DeadlinePolicy.Timing(T, T.plus(ofMinutes(4)), T.plus(ofMinutes(5))), T);
    }

    @Test
    @DisplayName("a running clock fires first at its warning, then at its due time, and then never again")
    void warnsThenBreaches() {
        Deadline d = acknowledgeClock();
        assertThat(d.firesAt()).isEqualTo(T.plus(ofMinutes(4)));

        assertThat(d.fire(T.plus(ofMinutes(4)))).isEqualTo(Deadline.Firing.WARN);
        assertThat(d.warnedAt).isEqualTo(T.plus(ofMinutes(4)));
        assertThat(d.isRunning()).isTrue();
        assertThat(d.firesAt()).isEqualTo(T.plus(ofMinutes(5)));

        assertThat(d.fire(T.plus(ofMinutes(5)))).isEqualTo(Deadline.Firing.BREACH);
        assertThat(d.status).isEqualTo(Deadline.Status.BREACHED);
        assertThat(d.endedAt).isEqualTo(T.plus(ofMinutes(5)));
        assertThat(d.firesAt()).isNull();
        assertThatThrownBy(() -> d.fire(T.plus(ofMinutes(6)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a clock found past its due time breaches without a late warning")
    void overdueBreachesWithoutWarning() {
        Deadline d = acknowledgeClock();
        assertThat(d.fire(T.plus(ofMinutes(30)))).isEqualTo(Deadline.Firing.BREACH);
        assertThat(d.warnedAt).isNull();
    }

    @Test
    @DisplayName("a clock is not fired before its time")
    void notEarly() {
        assertThatThrownBy(() -> acknowledgeClock().fire(T.plus(ofMinutes(3))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("stopped in time a clock is met at the event's time; stopped too late it is breached")
    void stop() {
        Deadline inTime = acknowledgeClock();
        assertThat(inTime.stop(T.plus(ofMinutes(5)), T.plus(ofMinutes(9)))).isEqualTo(Deadline.Status.MET);
        assertThat(inTime.endedAt).isEqualTo(T.plus(ofMinutes(5)));

        Deadline late = acknowledgeClock();
        assertThat(late.stop(T.plus(ofMinutes(6)), T.plus(ofMinutes(9)))).isEqualTo(Deadline.Status.BREACHED);
        assertThat(late.endedAt).as("when the service recorded the breach").isEqualTo(T.plus(ofMinutes(9)));
        assertThatThrownBy(() -> late.stop(T, T)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a cancelled clock ends and never fires")
    void cancel() {
        Deadline d = acknowledgeClock();
        d.cancel(T.plus(ofMinutes(1)));
        assertThat(d.status).isEqualTo(Deadline.Status.CANCELLED);
        assertThat(d.firesAt()).isNull();
        assertThatThrownBy(() -> d.fire(T.plus(ofMinutes(5)))).isInstanceOf(IllegalStateException.class);
    }
}
