package io.incident.notification.delivery;

import io.incident.notification.channel.ChannelKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-03-03T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("a channel allows one second's burst, then refills at its rate")
    void burstThenRate() {
        HandClock clock = new HandClock();
        RateLimits limits = new RateLimits(Map.of("email", 2.0), clock);
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isTrue();
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isTrue();
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isFalse();
        assertThat(limits.exhausted()).containsExactly(ChannelKind.EMAIL);
        clock.advance(Duration.ofMillis(500));
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isTrue();
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isTrue();
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isTrue();
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isFalse();
    }

    @Test
    @DisplayName("a rate below one a second still lets one message through, then waits")
    void slowRate() {
        HandClock clock = new HandClock();
        RateLimits limits = new RateLimits(Map.of("email", 0.5), clock);
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.tryAcquire(ChannelKind.EMAIL)).isTrue();
    }
}
