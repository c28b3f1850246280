package io.incident.runtime.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock plus an offset that only moves forward: lets a test pass 15 minutes in a millisecond. */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward; got " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset);
    }
}
