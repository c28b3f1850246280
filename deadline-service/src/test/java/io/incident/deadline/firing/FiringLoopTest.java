package io.incident.deadline.firing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The loop's timing, with a stand-in for the database. */
class FiringLoopTest {

    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private static final Duration CAP = ofSeconds(2);

    /** Counts passes; each returns what {@code nextFire} and {@code fireResult} say. */
    private static final class FakeClocks implements FiringLoop.DueClocks {
        final AtomicInteger passes = new AtomicInteger();
        final AtomicReference<Optional<Instant>> next = new AtomicReference<>(Optional.empty());
        volatile int fireResult;

        @Override
        public int fireDue(int limit) {
            passes.incrementAndGet();
            return fireResult;
        }

        @Override
        public Optional<Instant> nextFiring() {
            return next.get();
        }
    }

    private FiringLoop loop;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    @DisplayName("the loop sleeps exactly until the next warning or breach, at most the cap")
    void sleepsUntilNextFiring() {
        assertThat(FiringLoop.sleepBefore(NOW, Optional.of(NOW.plus(ofMillis(750))), 0, CAP)).isEqualTo(ofMillis(750));
        assertThat(FiringLoop.sleepBefore(NOW, Optional.of(NOW.plus(ofHours(2))), 3, CAP)).isEqualTo(CAP);
        assertThat(FiringLoop.sleepBefore(NOW, Optional.empty(), 0, CAP)).as("no clock running").isEqualTo(CAP);
    }

    @Test
    @DisplayName("a clock already due again is fired at once, unless the pass fired nothing because another loop holds it")
    void dueAgain() {
        assertThat(FiringLoop.sleepBefore(NOW, Optional.of(NOW.minusSeconds(1)), 5, CAP)).isZero();
        assertThat(FiringLoop.sleepBefore(NOW, Optional.of(NOW), 0, CAP)).isEqualTo(FiringLoop.WHILE_OTHERS_FIRE);
    }

    @Test
    @DisplayName("a loop that starts fires what fell due while none ran before it sleeps at all")
    void firesOnStart() {
        FakeClocks clocks = new FakeClocks();
        loop = new FiringLoop(clocks, new FiringSignal(), Clock.systemUTC(), 10, ofHours(1), "test-loop");
        loop.start();
        await().atMost(ofSeconds(5)).until(() -> clocks.passes.get() >= 1);
    }

    @Test
    @DisplayName("the loop wakes by itself when the next clock is due, long before its cap")
    void wakesAtNextFiring() {
        FakeClocks clocks = new FakeClocks();
        clocks.next.set(Optional.of(Instant.now().plus(ofMillis(300))));
        loop = new FiringLoop(clocks, new FiringSignal(), Clock.systemUTC(), 10, ofHours(1), "test-loop");
        loop.start();
        await().atMost(ofSeconds(10)).until(() -> clocks.passes.get() >= 2);
    }

    @Test
    @DisplayName("the loop is woken early by a signal, and takes the next batch at once while batches come full")
    void wokenAndFullBatches() {
        FakeClocks clocks = new FakeClocks();
        FiringSignal signal = new FiringSignal();
        loop = new FiringLoop(clocks, signal, Clock.systemUTC(), 10, ofHours(1), "test-loop");
        loop.start();
        await().atMost(ofSeconds(5)).until(() -> clocks.passes.get() == 1);

        signal.wake();
        await().atMost(ofSeconds(5)).until(() -> clocks.passes.get() == 2);

        clocks.fireResult = 10;
        signal.wake();
        await().atMost(ofSeconds(5)).until(() -> clocks.passes.get() >= 50);
        clocks.fireResult = 0;
    }

    @Test
    @DisplayName("a failing database does not stop the loop: it backs off and tries again")
    void survivesFailures() {
        AtomicInteger attempts = new AtomicInteger();
        FiringLoop.DueClocks failing = new FiringLoop.DueClocks() {
            @Override
            public int fireDue(int limit) {
                if (attempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("database restarting");
                }
                return 0;
            }

            @Override
            public Optional<Instant> nextFiring() {
                return Optional.empty();
            }
        };
        loop = new FiringLoop(failing, new FiringSignal(), Clock.systemUTC(), 10, ofHours(1), "test-loop");
        loop.start();
        await().atMost(ofSeconds(10)).until(() -> attempts.get() >= 3);
    }
}
