package io.incident.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./stack up [--fresh] [--movable-clock]}: runs the platform in the foreground until Ctrl-C. */
public final class StackMain {

    private StackMain() {
    }

    public static void main(String[] args) throws Exception {
        // The broker's INFO lines would bury the URLs; its warnings and errors still show.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("stack.log.level", "warn"));
        List<String> arguments = List.of(args);
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        Stack.Options options = Stack.Options.local(root);
        if (arguments.size() >= 2 && arguments.get(0).equals("token")) {
            // A bearer token for a person of the local stack, signed with the stack's key (kept across restarts).
            AccessTokens tokens = AccessTokens.stored(options.runDirectory().resolve("secrets/token-signing-key.pem"));
            System.out.println(tokens.token(arguments.get(1), Duration.ofHours(12),
                    arguments.subList(2, arguments.size())));
            return;
        }
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            System.err.println("usage: ./stack up [--fresh] [--movable-clock] | ./stack token PERSON [ROLE...]");
            System.exit(2);
        }
        if (arguments.contains("--fresh")) {
            Stack.deleteData(options.runDirectory());
            System.out.println("Starting fresh: removed " + options.runDirectory().resolve("data"));
        }
        if (arguments.contains("--movable-clock")) {
            // Load runs (./stack load) move time past the 10-minute close objection window instead of waiting.
            Stack.Options o = options;
            options = new Stack.Options(o.repositoryRoot(), o.runDirectory(), o.kafkaPort(), o.postgresPort(),
                    o.smtpPort(), o.mailWebPort(), o.intakeSmtpPort(), o.servicePorts(), o.profile(), true,
                    o.extraProperties());
            System.out.println("Movable clocks: POST /admin/clock/advance?by=PT11M moves a service's time.");
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
