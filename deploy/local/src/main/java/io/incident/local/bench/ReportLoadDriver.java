package io.incident.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load against a running stack ({@code ./stack bench}): N reports from C concurrent clients to intake, timing
 * (a) intake's answer and (b) report sent → the docs service's {@code DocumentCreated} seen on
 * {@code incident.documents}, which spans the outbox, the relay, Kafka, the docs consumer and docs' own outbox.
 */
public final class ReportLoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int reports = intArg(args, "--reports", 2000);
        int concurrency = intArg(args, "--concurrency", 8);
        String intake = stringArg(args, "--intake", "http://localhost:8081");
        String kafka = stringArg(args, "--kafka", "localhost:9092");

        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        Map<UUID, Long> documentedAt = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Warm the services' JIT and make sure incident.documents exists before the consumer starts at its end.
        warmUp(http, intake);
        try (KafkaConsumer<String, String> consumer = documentsConsumer(kafka)) {
            long[] acceptNanos = new long[reports];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < reports) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(request(intake, i), HttpResponse.BodyHandlers.ofString());
                            long t1 = System.nanoTime();
                            if (r.statusCode() != 202) {
                                failures.incrementAndGet();
                                continue;
                            }
                            acceptNanos[i] = t1 - t0;
                            sentAt.put(UUID.fromString(JSON.readTree(r.body()).get("incidentId").asText()), t0);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            // Read DocumentCreated while the load runs, so the time seen is close to the time it was published.
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while ((!allDone(workers) || documentedAt.size() < sentAt.size()) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    if (isDocumentCreated(r)) {
                        documentedAt.putIfAbsent(UUID.fromString(r.key()), System.nanoTime());
                    }
                }
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdownNow();

            long[] accept = Arrays.stream(acceptNanos).filter(n -> n > 0).sorted().toArray();
            long[] endToEnd = sentAt.entrySet().stream().filter(e -> documentedAt.containsKey(e.getKey()))
                    .mapToLong(e -> documentedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
            System.out.printf("reports: %d sent, %d accepted, %d failed, %d concurrent clients%n", reports,
                    accept.length, failures.get(), concurrency);
            System.out.printf("intake throughput: %.0f reports/s (wall clock until the last document)%n",
                    accept.length / (elapsed / 1e9));
            System.out.printf("intake answer (POST /reports -> 202): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ms(pct(accept, 50)), ms(pct(accept, 99)), ms(pct(accept, 100)));
            System.out.printf("report -> DocumentCreated on incident.documents: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                    + " (%d of %d seen)%n", ms(pct(endToEnd, 50)), ms(pct(endToEnd, 99)), ms(pct(endToEnd, 100)),
                    endToEnd.length, sentAt.size());
        }
    }

    private static void warmUp(HttpClient http, String intake) throws Exception {
        for (int i = 0; i < 200; i++) {
            http.send(request(intake, -1 - i), HttpResponse.BodyHandlers.discarding());
        }
        Thread.sleep(5_000);
    }

    private static HttpRequest request(String intake, int i) {
        String body = "{\"title\":\"Load test report " + i + ": checkout latency above 2 s\","
                + "\"description\":\"Generated by the load driver.\",\"team\":\"load-test\"}";
        return HttpRequest.newBuilder(URI.create(intake + "/reports"))
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static KafkaConsumer<String, String> documentsConsumer(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "load-driver-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of("incident.documents"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private static boolean isDocumentCreated(ConsumerRecord<String, String> r) {
        var type = r.headers().lastHeader("ce_type");
        return type != null && new String(type.value(), StandardCharsets.UTF_8).equals("io.incident.document.created.v1");
    }

    private static boolean allDone(List<Future<?>> workers) {
        return workers.stream().allMatch(Future::isDone);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
