package io.incident.runtime.ratelimit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    @DisplayName("a full bucket lets a burst of its capacity through, then says how long to wait")
    void burstThenWait() {
        TokenBucket bucket = new TokenBucket(3, 60, T0);
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(T0.plusMillis(400))).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    @DisplayName("the bucket refills at the configured rate and never above its capacity")
    void refills() {
        TokenBucket bucket = new TokenBucket(2, 60, T0);
        bucket.tryTake(T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0.plusSeconds(1))).isZero();
        assertThat(bucket.tryTake(T0.plusSeconds(1))).isPositive();

        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    @DisplayName("a clock that steps back neither refills nor drains the bucket")
    void clockStepsBack() {
        TokenBucket bucket = new TokenBucket(1, 60, T0);
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0.minusSeconds(30))).isPositive();
        assertThat(bucket.tryTake(T0.plusSeconds(1))).isZero();
    }

    @Test
    @DisplayName("a bucket that could never hold a token is refused")
    void refusesEmptyBuckets() {
        assertThatThrownBy(() -> new TokenBucket(0, 60, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
