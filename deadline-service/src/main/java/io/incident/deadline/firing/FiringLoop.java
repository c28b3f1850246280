package io.incident.deadline.firing;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires due clocks on one thread: claim and fire what is due, then sleep exactly until the next warning or breach
 * the database knows of. Sleep is capped, so clocks that another instance started (whose wake-up this process never
 * hears) still fire within the cap. Plain Java, so tests can run a second loop beside the service's own.
 */
public final class FiringLoop {

    /** Where the loop finds and fires clocks: {@link DeadlineFiring} in the service. */
    public interface DueClocks {
        /** Fires up to {@code limit} due clocks in one transaction; returns how many it fired. */
        int fireDue(int limit);

        Optional<Instant> nextFiring();
    }

    private static final Logger LOG = Logger.getLogger(FiringLoop.class);
    /** When due clocks are all held by another instance: let it finish instead of asking again at once. */
    static final Duration WHILE_OTHERS_FIRE = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DueClocks clocks;
    private final FiringSignal signal;
    private final Clock clock;
    private final int batchSize;
    private final Duration maxSleep;
    private final String name;

    private volatile boolean running;
    private Thread thread;

    public FiringLoop(DueClocks clocks, FiringSignal signal, Clock clock, int batchSize, Duration maxSleep,
                      String name) {
        this.clocks = Objects.requireNonNull(clocks);
        this.signal = Objects.requireNonNull(signal);
        this.clock = Objects.requireNonNull(clock);
        if (batchSize < 1 || maxSleep.isNegative() || maxSleep.isZero()) {
            throw new IllegalArgumentException("Batch size and maximum sleep must be positive");
        }
        this.batchSize = batchSize;
        this.maxSleep = maxSleep;
        this.name = name;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
            thread = null;
        }
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                // Before any sleep: clocks that fell due while no loop ran (an outage, a restart) fire at once.
                int fired = clocks.fireDue(batchSize);
                if (fired == batchSize) {
                    continue;
                }
                Optional<Instant> next = clocks.nextFiring();
                Instant now = clock.instant();
                Duration sleep = sleepBefore(now, next, fired, maxSleep);
                if (!sleep.isZero()) {
                    signal.sleep(sleep, now.plus(sleep));
                }
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s could not fire deadlines (retrying in %d ms): %s", name, backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * How long to sleep after a pass that fired {@code fired} clocks: until the next firing, at most {@code cap}. A
     * clock already due again means either it fell due during the pass (look again at once) or, if the pass fired
     * nothing, another instance holds it (give that instance a moment).
     */
    static Duration sleepBefore(Instant now, Optional<Instant> next, int fired, Duration cap) {
        if (next.isEmpty()) {
            return cap;
        }
        Duration until = Duration.between(now, next.get());
        if (until.isNegative() || until.isZero()) {
            return fired > 0 ? Duration.ZERO : WHILE_OTHERS_FIRE;
        }
        return until.compareTo(cap) < 0 ? until : cap;
    }
}
