package io.incident.deadline.firing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How the firing loop sleeps until its next instant and is woken early: when a clock that fires sooner is started,
 * or when a test moves the clock. A wake-up while the loop is busy is kept, so none is lost between the loop's look
 * at the database and the start of its sleep.
 */
public final class FiringSignal {

    private final Semaphore wakeUps = new Semaphore(0);
    /** The instant the sleeping loop means to wake at; null while it is busy. */
    private volatile Instant sleepingUntil;

    public void wake() {
        wakeUps.release();
    }

    /** Wakes the loop only if {@code firesAt} comes before the instant it sleeps until (or it is busy). */
    public void wakeIfBefore(Instant firesAt) {
        Instant until = sleepingUntil;
        if (firesAt == null || until == null || firesAt.isBefore(until)) {
            wake();
        }
    }

    boolean isSleeping() {
        return sleepingUntil != null;
    }

    /** Sleeps for {@code timeout}, meant to end at {@code until} on the service's clock, unless woken first. */
    public void sleep(Duration timeout, Instant until) throws InterruptedException {
        sleepingUntil = until;
        try {
            if (wakeUps.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
                // Several wake-ups while the loop slept or worked ask for the same thing: one more look.
                wakeUps.drainPermits();
            }
        } finally {
            sleepingUntil = null;
        }
    }
}
