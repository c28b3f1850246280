package io.incident.notification.bench;

import io.incident.notification.PackagedService;
import io.incident.notification.crash.FanOut;
import io.incident.testkit.TestInfrastructure;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * One incident fanned out to N e-mail stakeholders (default 1,000) by the packaged service, against the test kit's
 * PostgreSQL, Kafka and GreenMail: the time from publishing the events until the last message is in the SMTP
 * server, and messages per second. Rate limits are lifted so the figure is the pipeline's, not the limiter's.
 *
 * <pre>
 * cd /work/main &amp;&amp; ./mvnw -o -q install -pl notification-service -DskipTests
 * cd notification-service &amp;&amp; ../mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
 *     -Dmdep.includeScope=test
 * java -cp target/test-classes:$(cat target/test-classpath.txt) io.incident.notification.bench.FanOutBenchmark [1000]
 * </pre>
 */
public final class FanOutBenchmark {

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        // An optional second argument sets the sender threads; without it the service's default applies.
        Map<String, String> props = args.length > 1
                ? Map.of("notification.rate-limits.email", "1000000", "notification.worker.threads", args[1])
                : Map.of("notification.rate-limits.email", "1000000");
        TestInfrastructure infra = TestInfrastructure.get();
        try (PackagedService service = new PackagedService(props, Path.of("target", "fanout-benchmark.log"))) {
            service.start();
            String team = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            FanOut.insertStakeholders(infra, team, recipients);
            UUID incident = UUID.randomUUID();
            long start = System.nanoTime();
            FanOut.publishActiveIncident(incident, team);
            long firstAt = 0;
            // Counting reads the whole mailbox under the SMTP server's lock, so it is done sparingly.
            for (int seen = 0; seen < recipients; seen = FanOut.mailCount(team)) {
                if (firstAt == 0 && seen > 0) {
                    firstAt = System.nanoTime();
                }
                Thread.sleep(250);
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("Not done after 10 minutes");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double firstSeconds = firstAt == 0 ? seconds : (firstAt - start) / 1e9;
            System.out.printf("Fan-out to %d recipients: first message after %.2f s, last after %.2f s, %.0f messages/s"
                    + " overall (%.0f messages/s after the first)%n", recipients, firstSeconds, seconds,
                    recipients / seconds, (recipients - 1) / Math.max(0.001, seconds - firstSeconds));
        }
        System.exit(0);
    }
}
