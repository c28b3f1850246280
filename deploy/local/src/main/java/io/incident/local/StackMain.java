package io.incident.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code ./stack up [--fresh] [--movable-clock] [--instances N]}: runs the platform in the foreground until Ctrl-C. */
public final class StackMain {

    private static final String USAGE = "usage: ./stack up [--fresh] [--movable-clock] [--instances N]"
            + " | ./stack token PERSON [ROLE...]";

    private StackMain() {
    }

    public static void main(String[] args) throws Exception {
        // The broker's INFO lines would bury the URLs; its warnings and errors still show.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("stack.log.level", "warn"));
        List<String> arguments = List.of(args);
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        if (arguments.size() >= 2 && arguments.get(0).equals("token")) {
            // A bearer token for a person of the local stack, signed with the stack's key (kept across restarts).
            Stack.Options options = Stack.Options.local(root);
            AccessTokens tokens = AccessTokens.stored(options.runDirectory().resolve("secrets/token-signing-key.pem"));
            System.out.println(tokens.token(arguments.get(1), Duration.ofHours(12),
                    arguments.subList(2, arguments.size())));
            return;
        }
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Stack.Options options = Stack.Options.local(root, instances(arguments));
        if (arguments.contains("--fresh")) {
            Stack.deleteData(options.runDirectory());
            System.out.println("Starting fresh: removed " + options.runDirectory().resolve("data"));
        }
        if (arguments.contains("--movable-clock")) {
            // Load runs (./stack load) move time past the 10-minute close objection window instead of waiting.
            options = options.withMovableClock(true);
            System.out.println("Movable clocks: POST /admin/clock/advance?by=PT11M moves a service's time.");
        }
        long started = System.nanoTime();
        System.out.println(options.fronted()
                ? "Starting Kafka, PostgreSQL, the mail sink and " + options.instanceCount()
                        + " instances of each of the five services..."
                : "Starting Kafka, PostgreSQL, the mail sink and five services...");
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
            if (!options.fronted()) {
                System.out.printf("  %-22s %s   (dashboard %s/, log %s)%n", s.moduleName(), stack.url(s),
                        stack.url(s), root.relativize(stack.service(s).logFile()));
            } else {
                System.out.printf("  %-22s %s   (dashboard %s/, a front over:)%n", s.moduleName(), stack.url(s),
                        stack.url(s));
                for (ServiceProcess p : stack.instances(s)) {
                    System.out.printf("  %-22s   instance %d: %s   (pid %d, log %s)%n", "", p.instance(), p.url(),
                            p.pid(), root.relativize(p.logFile()));
                }
            }
        }
        System.out.printf("  %-22s %s%n", "kafka", stack.kafkaBootstrapServers());
        System.out.printf("  %-22s %s (user %s, password in %s)%n", "postgresql", stack.database().jdbcUrl(),
                EmbeddedDatabase.USER, root.relativize(options.runDirectory().resolve("secrets/db-password")));
        System.out.printf("  %-22s smtp://localhost:%d   web http://localhost:%d/%n", "mail sink",
                stack.mail().smtpPort(), stack.mail().webPort());
        System.out.printf("  %-22s smtp://localhost:%d   (payments-incident-report@incidents.example.org, ...)%s%n",
                "report by e-mail", options.intakeSmtpPort(), options.fronted()
                        ? "; instances on " + options.instances().stream()
                                .map(i -> String.valueOf(i.intakeSmtp())).collect(Collectors.joining(", "))
                        : "");
        if (options.fronted()) {
            System.out.printf("%nEach service's address above is a front: new connections go to the next instance"
                    + " that answers, so kill -9 of one (pid above) leaves the address working. The instances share"
                    + " Kafka's consumer groups: %d partitions per topic.%n", Stack.PARTITIONS);
        }
        System.out.printf("%nOperators' home: %s/   Press Ctrl-C to stop.%n", stack.url(Service.DOCS));
        stopped.await();
    }

    /** {@code --instances N}, 1 when absent. */
    private static int instances(List<String> arguments) {
        int at = arguments.indexOf("--instances");
        if (at < 0) {
            return 1;
        }
        try {
            int n = Integer.parseInt(arguments.get(at + 1));
            if (n < 1 || n > Stack.PARTITIONS) {
                throw new NumberFormatException();
            }
            return n;
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            System.err.println("--instances takes a number from 1 to " + Stack.PARTITIONS + " (a topic's partitions"
                    + " are shared among the instances; more would idle). " + USAGE);
            System.exit(2);
            return 1;
        }
    }
}
