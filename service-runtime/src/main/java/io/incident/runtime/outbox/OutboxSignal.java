package io.incident.runtime.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the relay when a transaction that wrote events commits, so publishing does not wait for the next poll. It
 * also knows whether this process's relay leads its schema: when it does not, the leader is another instance, which
 * only a database notification can wake ({@link OutboxStore#notifyRelay}).
 */
@ApplicationScoped
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);
    private volatile boolean leading;

    public void wake() {
        pending.release();
    }

    /**
     * Waits until woken or until {@code timeout} passes; many wake-ups while the relay was busy count as one.
     *
     * @return whether it was woken
     */
    public boolean await(Duration timeout) throws InterruptedException {
        if (pending.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
            pending.drainPermits();
            return true;
        }
        return false;
    }

    /** Whether this process's relay leads the schema, as of its last batch. */
    public boolean leadsHere() {
        return leading;
    }

    void leading(boolean leading) {
        this.leading = leading;
    }
}
