package io.incident.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Wakes every delivery worker when new or retried deliveries commit, so a fan-out does not wait for a poll. */
@ApplicationScoped
public class DeliverySignal {

    private long generation;

    public synchronized void wake() {
        generation++;
        notifyAll();
    }

    /** Waits for a wake-up after {@code seen}, or {@code timeout}; returns the generation to pass next time. */
    public synchronized long await(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return generation;
    }

    public synchronized long generation() {
        return generation;
    }
}
