package io.incident.notification.delivery;

import java.util.function.LongSupplier;

/**
 * A rate limit: {@code ratePerSecond} tokens a second, up to a burst of one second's worth. Real elapsed time
 * (not the movable business clock), because vendors limit by their wall clock.
 */
public final class TokenBucket {

    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, LongSupplier nanoTime) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("A rate limit must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether a token is there now, without taking it. */
    public synchronized boolean available() {
        refill();
        return tokens >= 1;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) / 1e9 * ratePerSecond);
        last = now;
    }
}
