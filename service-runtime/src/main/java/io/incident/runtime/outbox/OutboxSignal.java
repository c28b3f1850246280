package io.incident.runtime.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay when a transaction that wrote events commits, so publishing does not wait for the next poll. */
@ApplicationScoped
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        pending.release();
    }

    /** Waits until woken or until {@code timeout} passes; many wake-ups while the relay was busy count as one. */
    public void await(Duration timeout) throws InterruptedException {
        if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
