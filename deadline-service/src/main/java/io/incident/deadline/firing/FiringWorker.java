package io.incident.deadline.firing;

import io.incident.deadline.clock.ClockStarted;
import io.incident.runtime.clock.ClockAdvanced;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Runs the firing loop for the life of the service and wakes it when something it waits for changes. */
@ApplicationScoped
public class FiringWorker {

    private static final Logger LOG = Logger.getLogger(FiringWorker.class);

    private final DeadlineFiring firing;
    private final Clock clock;
    private final FiringSettings settings;
    private final FiringSignal signal = new FiringSignal();
    private FiringLoop loop;

    public FiringWorker(DeadlineFiring firing, Clock clock, FiringSettings settings) {
        this.firing = firing;
        this.clock = clock;
        this.settings = settings;
    }

    void start(@Observes StartupEvent ignored) {
        if (!settings.enabled()) {
            LOG.warn("The deadline firing loop is disabled: clocks start and stop but never warn or breach");
            return;
        }
        loop = new FiringLoop(firing, signal, clock, settings.batchSize(), settings.maxSleep(), "deadline-firing");
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** After commit only: woken before, the loop could look before the new clock is visible and sleep past it. */
    void clockStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClockStarted started) {
        signal.wakeIfBefore(started.firesAt());
    }

    /** A test moved the clock: whatever the loop sleeps until may have passed. */
    void clockAdvanced(@Observes ClockAdvanced advanced) {
        signal.wake();
    }
}
