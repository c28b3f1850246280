package io.incident.runtime.clock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockTest {

    @Test
    @DisplayName("a movable clock passes 15 minutes at once and never goes back")
    void movesForward() {
        Instant start = Instant.parse("2026-03-01T09:00:00Z");
        MovableClock clock = new MovableClock(Clock.fixed(start, ZoneOffset.UTC));
        assertThat(clock.advance(Duration.ofMinutes(15))).isEqualTo(start.plus(Duration.ofMinutes(15)));
        assertThat(clock.withZone(ZoneOffset.ofHours(2)).instant()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the movable clock is off by default and refused in production")
    void refusedOutsideTestAndLocal() {
        assertThat(ClockProducer.choose(false, List.of("prod"))).isNotInstanceOf(MovableClock.class);
        assertThat(ClockProducer.choose(true, List.of("local"))).isInstanceOf(MovableClock.class);
        assertThat(ClockProducer.choose(true, List.of("test"))).isInstanceOf(MovableClock.class);
        assertThatThrownBy(() -> ClockProducer.choose(true, List.of("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused");
    }
}
