package io.incident.notification.delivery;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @Test
    @DisplayName("the wait doubles per attempt, stays between half and all of its ceiling, and is capped")
    void exponentialWithJitterAndCap() {
        RetryPolicy low = new RetryPolicy(6, Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 0.0);
        RetryPolicy high = new RetryPolicy(6, Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 1.0);
        assertThat(low.delayAfter(1)).isEqualTo(Duration.ofMillis(2500));
        assertThat(high.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(high.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(high.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(high.delayAfter(10)).isEqualTo(Duration.ofMinutes(1));
        assertThat(low.delayAfter(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(high.delayAfter(1000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("attempts stop at the limit")
    void attemptLimit() {
        RetryPolicy p = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 0.5);
        assertThat(p.mayRetry(1)).isTrue();
        assertThat(p.mayRetry(2)).isTrue();
        assertThat(p.mayRetry(3)).isFalse();
    }
}
