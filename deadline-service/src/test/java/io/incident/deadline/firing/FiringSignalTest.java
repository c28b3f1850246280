package io.incident.deadline.firing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FiringSignalTest {

    private static final Instant UNTIL = Instant.parse("2026-03-03T10:00:00Z");

    @Test
    @DisplayName("a clock that fires before the loop means to wake wakes it; a later one does not")
    void wakesOnlyForEarlierClocks() throws Exception {
        FiringSignal signal = new FiringSignal();
        CompletableFuture<Void> sleeper = CompletableFuture.runAsync(() -> {
            try {
                signal.sleep(ofHours(1), UNTIL);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().until(signal::isSleeping);

        signal.wakeIfBefore(UNTIL.plus(ofMinutes(5)));
        assertThat(signal.isSleeping()).isTrue();
        assertThat(sleeper).isNotDone();

        signal.wakeIfBefore(UNTIL.minus(ofMinutes(5)));
        sleeper.get(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a wake-up while the loop is busy is kept: its next sleep ends at once")
    void wakeWhileBusyIsKept() throws Exception {
        FiringSignal signal = new FiringSignal();
        signal.wakeIfBefore(UNTIL.plus(ofHours(5)));
        CompletableFuture.runAsync(() -> {
            try {
                signal.sleep(ofHours(1), UNTIL);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(5, TimeUnit.SECONDS);
    }
}
