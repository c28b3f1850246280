package io.incident.notification.delivery;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverySignalTest {

    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    @DisplayName("one new delivery wakes one worker, not all of them")
    void oneDeliveryOneWorker() throws Exception {
        DeliverySignal signal = new DeliverySignal();
        signal.workers(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> waiting = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waiting.add(pool.submit(() -> signal.await(Duration.ofMillis(500))));
            }
            Thread.sleep(100);
            signal.wake(1);
            int woken = 0;
            for (Future<Boolean> f : waiting) {
                woken += f.get() ? 1 : 0;
            }
            assertThat(woken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a wake-up while every worker is busy is kept for the next to wait; a fan-out wakes at most all workers")
    void permitsAreKeptAndCapped() throws Exception {
        DeliverySignal signal = new DeliverySignal();
        signal.workers(3);
        signal.wake(1000);
        assertThat(signal.await(SHORT)).isTrue();
        assertThat(signal.await(SHORT)).isTrue();
        assertThat(signal.await(SHORT)).isTrue();
        assertThat(signal.await(SHORT)).as("no more permits than workers").isFalse();
        signal.wake(0);
        assertThat(signal.await(SHORT)).isFalse();
    }
}
