package io.incident.intake.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for intake's webhooks: creates a GENERIC integration, then sends triggers with distinct dedup keys
 * from {@code concurrency} workers for {@code seconds}, and reports accepted events per second and latency p50/p99.
 * JDK only, so it runs against any intake straight from its source file:
 *
 * <pre>
 * INCIDENT_TOKEN=$(./stack token load-driver admin) java intake-service/src/test/java/io/incident/intake/bench/WebhookLoadDriver.java \
 *      http://localhost:8081 30 16
 * </pre>
 *
 * Start the intake under test with a rate limit above the load, or most requests measure the 429 path:
 * {@code -Dincident.intake.rate-limit.capacity=100000000 -Dincident.intake.rate-limit.refill-per-minute=100000000}.
 */
public final class WebhookLoadDriver {

    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([0-9a-f]{32})\"");

    /** What one run measured. Latencies are of accepted (202) requests only. */
    public record Result(long accepted, long refused, long failed, Duration elapsed, double eventsPerSecond,
                         double p50Millis, double p99Millis, String runId) {
        @Override
        public String toString() {
            return "accepted=%d refused=%d failed=%d in %.1f s: %.0f events/s, p50 %.1f ms, p99 %.1f ms".formatted(
                    accepted, refused, failed, elapsed.toMillis() / 1000.0, eventsPerSecond, p50Millis, p99Millis);
        }
    }

    private WebhookLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        URI intake = URI.create(args.length > 0 ? args[0] : "http://localhost:8081");
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        System.out.println("Webhook load against " + intake + " for " + duration.toSeconds() + " s with "
                + concurrency + " workers");
        // An admin's token, e.g. INCIDENT_TOKEN=$(./stack token load-driver admin).
        System.out.println(run(intake, duration, concurrency, System.getenv().getOrDefault("INCIDENT_TOKEN", "")));
    }

    /** {@code adminToken}: a token with the admin role, to create the integration the load is sent to. */
    public static Result run(URI intake, Duration duration, int concurrency, String adminToken) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String key = createIntegration(http, intake, adminToken);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        URI webhook = intake.resolve("/webhooks/generic/" + key);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                for (long i = 0; System.nanoTime() < end; i++) {
                    String body = "{\"dedupKey\":\"bench-" + runId + "-" + worker + "-" + i + "\",\"title\":"
                            + "\"Load test alert " + i + " from worker " + worker + "\",\"severity\":\"warning\","
                            + "\"links\":[\"https://grafana.example.org/d/bench\"],"
                            + "\"startedAt\":\"2026-11-21T09:30:00Z\"}";
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 202) {
                            accepted.incrementAndGet();
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = System.nanoTime() - t0;
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : workers) {
            all.add(f.get());
        }
        pool.shutdown();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(accepted.get(), refused.get(), failed.get(), elapsed,
                accepted.get() / (elapsed.toNanos() / 1e9), percentile(latencies, 0.50),
                percentile(latencies, 0.99), runId);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String createIntegration(HttpClient http, URI intake, String adminToken) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(intake.resolve("/integrations"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"team\":\"bench\",\"name\":\"Load driver "
                        + UUID.randomUUID() + "\",\"type\":\"GENERIC\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = KEY.matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("Could not create an integration: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }
}
