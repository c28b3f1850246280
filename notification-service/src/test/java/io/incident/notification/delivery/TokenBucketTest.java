package io.incident.notification.delivery;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    @Test
    @DisplayName("a bucket allows one second's burst, then refills at its rate")
    void burstThenRate() {
        AtomicLong nanos = new AtomicLong();
        TokenBucket bucket = new TokenBucket(2, nanos::get);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.available()).isFalse();
        nanos.addAndGet(500_000_000L);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        nanos.addAndGet(10_000_000_000L);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
    }

    @Test
    @DisplayName("a rate below one a second still lets one message through, then waits")
    void slowRate() {
        AtomicLong nanos = new AtomicLong();
        TokenBucket bucket = new TokenBucket(0.5, nanos::get);
        assertThat(bucket.tryAcquire()).isTrue();
        nanos.addAndGet(1_000_000_000L);
        assertThat(bucket.tryAcquire()).isFalse();
        nanos.addAndGet(1_000_000_000L);
        assertThat(bucket.tryAcquire()).isTrue();
    }
}
