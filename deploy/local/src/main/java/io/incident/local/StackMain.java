package io.incident.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./stack up [--fresh]}: runs the platform in the foreground until Ctrl-C. */
public final class StackMain {

    private StackMain() {
    }

    public static void main(String[] args) throws Exception {
        // The broker's INFO lines would bury the URLs; its warnings and errors still show.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("stack.log.level", "warn"));
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            System.err.println("usage: ./stack up [--fresh]");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        Stack.Options options = Stack.Options.local(root);
        if (arguments.contains("--fresh")) {
            Stack.deleteData(options.runDirectory());
            System.out.println("Starting fresh: removed " + options.runDirectory().resolve("data"));
        }
        long started = System.nanoTime();
        System.out.println("Starting Kafka, PostgreSQL, the mail sink and five services...");
        Stack stack = Stack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stack-shutdown"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%nReady in %.1f s.%n%n", took.toMillis() / 1000.0);
        for (Service s : Service.values()) {
            System.out.printf("  %-22s %s   (dashboard %s/, log %s)%n", s.moduleName(), stack.url(s), stack.url(s),
                    root.relativize(stack.service(s).logFile()));
        }
        System.out.printf("  %-22s %s%n", "kafka", stack.kafkaBootstrapServers());
        System.out.printf("  %-22s %s (user %s, password in %s)%n", "postgresql", stack.database().jdbcUrl(),
                EmbeddedDatabase.USER, root.relativize(options.runDirectory().resolve("secrets/db-password")));
        System.out.printf("  %-22s smtp://localhost:%d   web http://localhost:%d/%n", "mail sink",
                stack.mail().smtpPort(), stack.mail().webPort());
        System.out.printf("  %-22s smtp://localhost:%d   (payments-incident-report@incidents.example.org, ...)%n",
                "report by e-mail", options.intakeSmtpPort());
        System.out.printf("%nOperators' home: %s/   Press Ctrl-C to stop.%n", stack.url(Service.DOCS));
        stopped.await();
    }
}
