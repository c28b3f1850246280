package io.incident.intake.idempotency;

import io.incident.intake.IntakeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired idempotency keys every {@code incident.intake.idempotency.purge-interval}. Expiry itself does not
 * wait for this: a key past its retention is taken over by the next request that sends it. The purge only keeps the
 * table small. It runs on real time, like the outbox purge, so a test that moves the injected clock does not set it
 * off; the cut-off reads the injected clock. Every replica purges; the deletes are idempotent.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public IdempotencyKeyPurge(IdempotencyKeys keys, Clock clock, IntakeConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.interval = config.idempotency().purgeInterval();
    }

    void start(@Observes StartupEvent ignored) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-key-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::purgeQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        // An exception would cancel every later run of a scheduled task, so a database that is briefly away only
        // skips one purge.
        try {
            int removed = keys.purgeExpired(clock.instant());
            if (removed > 0) {
                LOG.debugf("Purged %d expired idempotency keys", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not purge expired idempotency keys (next try in %s): %s", interval, e.toString());
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
