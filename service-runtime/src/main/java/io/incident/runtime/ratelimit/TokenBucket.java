package io.incident.runtime.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code capacity} events at once, refilled at a steady rate. Pure apart from its own state;
 * time comes in as an argument so tests move it instead of sleeping.
 */
public final class TokenBucket {

    /**
     * Credit is counted in whole units, not fractions of a token, so waits come out exact: each nanosecond adds
     * {@code refillPerMinute} units and a token costs as many units as a minute has nanoseconds.
     */
    private static final long TOKEN = Duration.ofMinutes(1).toNanos();

    private final long capacity;
    private final long refillPerMinute;
    private long credit;
    private Instant last;

    public TokenBucket(int capacity, int refillPerMinute, Instant now) {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalArgumentException("A bucket needs a capacity and a refill rate of at least 1");
        }
        this.capacity = capacity * TOKEN;
        this.refillPerMinute = refillPerMinute;
        this.credit = this.capacity;
        this.last = now;
    }

    /** Takes one token if there is one and answers zero; otherwise answers how long until there will be one. */
    public synchronized Duration tryTake(Instant now) {
        refill(now);
        if (credit >= TOKEN) {
            credit -= TOKEN;
            return Duration.ZERO;
        }
        return Duration.ofNanos(ceilDiv(TOKEN - credit, refillPerMinute));
    }

    /** Whether a token is there now, without taking it: lets a caller skip throttled work and go on with other work. */
    public synchronized boolean available(Instant now) {
        refill(now);
        return credit >= TOKEN;
    }

    private void refill(Instant now) {
        // A clock that steps back (NTP) must not drain the bucket, nor leave it unable to refill until it catches up.
        if (!now.isAfter(last)) {
            return;
        }
        Duration elapsed = Duration.between(last, now);
        Duration untilFull = Duration.ofNanos(ceilDiv(capacity - credit, refillPerMinute));
        credit = elapsed.compareTo(untilFull) >= 0 ? capacity : credit + elapsed.toNanos() * refillPerMinute;
        last = now;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
