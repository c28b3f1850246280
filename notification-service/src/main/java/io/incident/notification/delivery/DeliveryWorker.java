package io.incident.notification.delivery;

import io.incident.notification.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sender threads for the life of the service; each sends one delivery per transaction. */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration THROTTLE_PAUSE = Duration.ofMillis(20);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DeliveryAttempt attempt;
    private final DeliverySignal signal;
    private final NotificationConfig.Worker config;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public DeliveryWorker(DeliveryAttempt attempt, DeliverySignal signal, NotificationConfig config) {
        this.attempt = attempt;
        this.signal = signal;
        this.config = config.worker();
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        signal.workers(config.threads());
        for (int i = 0; i < config.threads(); i++) {
            Thread t = new Thread(this::loop, "delivery-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                DeliveryAttempt.Outcome outcome = attempt.processNext();
                backoff = Duration.ofMillis(100);
                if (outcome == DeliveryAttempt.Outcome.NOTHING_DUE) {
                    signal.await(config.pollInterval());
                } else if (outcome == DeliveryAttempt.Outcome.THROTTLED) {
                    Thread.sleep(THROTTLE_PAUSE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is away, say: the row stays PENDING and is picked up when it is back.
                LOG.warnf("Delivery worker failed (%s); pausing %d ms", e.toString(), backoff.toMillis());
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
}
