package io.incident.e2e;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;

/**
 * Sends reports one after another on its own thread until closed, as monitoring and people keep doing while a part
 * of the platform fails; remembers which were accepted (202) and how the others were refused.
 *
 * @param <T> what identifies an accepted report (an incident id, an alert's dedup key)
 */
final class LoadReporter<T> implements AutoCloseable {

    static final Duration RECOVERY = Duration.ofSeconds(90);

    final List<T> accepted = new CopyOnWriteArrayList<>();
    final List<Response> refused = new CopyOnWriteArrayList<>();
    /** The {@code n} of each refused report, in the order of {@link #refused}, so a caller can send it again. */
    final List<Integer> refusedNumbers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /**
     * @param send  sends the {@code n}-th report
     * @param idOf  what identifies an accepted report, read from its 202 answer
     */
    LoadReporter(String name, Duration pause, IntFunction<Response> send, Function<Response, T> idOf) {
        thread = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                try {
                    int n = i++;
                    Response r = send.apply(n);
                    if (r.statusCode() == 202) {
                        accepted.add(idOf.apply(r));
                    } else {
                        refused.add(r);
                        refusedNumbers.add(n);
                    }
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // The connection itself failed (REST Assured rethrows the checked ConnectException as is):
                    // nothing was promised, as with any refused request.
                }
            }
        }, name);
        thread.start();
    }

    /** Waits until {@code more} further reports are accepted: the stack takes reports again. */
    void awaitAccepted(int more) {
        int target = accepted.size() + more;
        await().atMost(RECOVERY).until(() -> accepted.size() >= target);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
    }
}
