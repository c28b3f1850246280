package io.incident.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Wakes as many delivery workers as there are new or retried deliveries, after their transaction commits, so a
 * fan-out does not wait for a poll and a single page does not wake every worker. Waking all of them for each commit
 * sent every worker to the database with a claim that found nothing: with 16 workers that was most of the
 * service's transactions under load, and it slowed the consumers that plan the deliveries.
 *
 * <p>A wake-up is a permit, kept until a worker takes it: one that arrives while every worker is busy is not lost.
 * Permits never exceed the number of workers, since a worker that sends keeps claiming until nothing is due.
 */
@ApplicationScoped
public class DeliverySignal {

    private int permits;
    private int workers = 1;

    /** The number of workers that wait on this signal: the most permits worth keeping. */
    public synchronized void workers(int count) {
        workers = Math.max(1, count);
    }

    /** {@code deliveries} rows became due: wake that many workers, at most all of them. */
    public synchronized void wake(int deliveries) {
        if (deliveries <= 0) {
            return;
        }
        permits = (int) Math.min((long) permits + deliveries, workers);
        notifyAll();
    }

    /** Waits for a wake-up, or {@code timeout} (the poll that finds retries falling due); true if woken. */
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (permits == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        permits--;
        return true;
    }
}
