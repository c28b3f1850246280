package io.incident.notification.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the n-th retry waits between half and all of {@code first * 2^(n-1)}, capped at
 * {@code max}. The jitter spreads a fan-out's retries so a recovering vendor is not hit by all of them at once.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration first;
    private final Duration max;
    private final DoubleSupplier random;

    public RetryPolicy(int maxAttempts, Duration first, Duration max, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** After {@code attemptsMade} failed attempts, whether another one is allowed. */
    public boolean mayRetry(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait before the next attempt, after {@code attemptsMade} (at least 1) failed attempts. */
    public Duration delayAfter(int attemptsMade) {
        int exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), first.toMillis() * (1L << exponent));
        double factor = 0.5 + 0.5 * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, (long) (ceiling * factor)));
    }
}
