package io.incident.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: Kafka, PostgreSQL, the mail sink and the five services. {@code ./stack up}
 * runs it on fixed ports with data kept under {@code .run/}; the end-to-end tests run it on free ports in a
 * temporary folder.
 */
public final class Stack implements AutoCloseable {

    /** Where things live and which ports they use. */
    public record Options(Path repositoryRoot, Path runDirectory, int kafkaPort, int postgresPort, int smtpPort,
                          int mailWebPort, int intakeSmtpPort, Map<Service, Integer> servicePorts, String profile,
                          boolean movableClock, Map<String, String> extraProperties) {

        /** The fixed ports of DESIGN.md, each overridable with a system property such as {@code -Dport.kafka=19092}. */
        public static Options local(Path root) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, Integer.getInteger("port." + s.moduleName(), s.defaultPort()));
            }
            return new Options(root, root.resolve(".run"), Integer.getInteger("port.kafka", 9092),
                    Integer.getInteger("port.postgres", 5433), Integer.getInteger("port.smtp", 3025),
                    Integer.getInteger("port.mail-web", 8025), Integer.getInteger("port.intake-smtp", 2525), ports,
                    "local", false, Map.of());
        }

        /** Free ports and a throw-away folder, for tests. */
        public static Options ephemeral(Path root, Path runDirectory) throws IOException {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, freePort());
            }
            return new Options(root, runDirectory, freePort(), freePort(), freePort(), freePort(), freePort(), ports,
                    "local", true, Map.of());
        }
    }

    private final Options options;
    private volatile EmbeddedDatabase database;
    private volatile EmbeddedKafka kafka;
    private final MailSink mail;
    private final AccessTokens tokens;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

    private Stack(Options options, EmbeddedDatabase database, EmbeddedKafka kafka, MailSink mail,
                  AccessTokens tokens) {
        this.options = options;
        this.tokens = tokens;
        this.database = database;
        this.kafka = kafka;
        this.mail = mail;
    }

    /** Partitions per topic: enough for a few instances of each service to share the work. */
    private static final int PARTITIONS = 3;

    /** Starts the infrastructure, then all five services at once, and returns when every one is ready. */
    public static Stack start(Options options) throws Exception {
        Path data = options.runDirectory().resolve("data");
        Files.createDirectories(data);
        EmbeddedDatabase database = EmbeddedDatabase.start(options.postgresPort(), data.resolve("postgres"),
                secret(options.runDirectory().resolve("secrets/db-password")), true);
        EmbeddedKafka kafka = null;
        MailSink mail = null;
        try {
            kafka = EmbeddedKafka.start(options.kafkaPort(), data.resolve("kafka"), PARTITIONS);
            mail = MailSink.start(options.smtpPort(), options.mailWebPort());
        } catch (Exception e) {
            closeQuietly(mail);
            closeQuietly(kafka);
            closeQuietly(database);
            throw e;
        }
        Stack stack = new Stack(options, database, kafka, mail,
                AccessTokens.stored(options.runDirectory().resolve("secrets/token-signing-key.pem")));
        try {
            for (Service s : Service.values()) {
                stack.services.put(s, stack.newProcess(s));
            }
            for (ServiceProcess p : stack.services.values()) {
                p.start();
            }
            stack.awaitReady(Duration.ofSeconds(180));
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private ServiceProcess newProcess(Service service) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.profile", options.profile());
        props.put("incident.db.port", String.valueOf(database.port()));
        props.put("incident.db.password", database.password());
        props.put("incident.kafka.bootstrap", kafka.bootstrapServers());
        props.put("incident.mail.port", String.valueOf(mail.smtpPort()));
        props.put("incident.clock.movable", String.valueOf(options.movableClock()));
        for (Service other : Service.values()) {
            props.put("incident.urls." + other.moduleName(), "http://localhost:" + options.servicePorts().get(other));
        }
        // The services trust tokens signed by the stack's key; calls between services carry a service token.
        props.put("mp.jwt.verify.publickey", tokens.publicKeyPem());
        props.put("incident.access.service-token",
                tokens.token(service.moduleName(), Duration.ofDays(365), List.of("service")));
        if (service == Service.INTAKE) {
            // Where people and mail gateways send reports by e-mail (R-REP-2).
            props.put("incident.intake.smtp.port", String.valueOf(options.intakeSmtpPort()));
        }
        props.putAll(options.extraProperties());
        Path jar = options.repositoryRoot().resolve(service.moduleName()).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(service, jar, options.servicePorts().get(service), props,
                options.runDirectory().resolve("logs").resolve(service.moduleName() + ".log"));
    }

    private void awaitReady(Duration timeout) throws Exception {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (ServiceProcess p : services.values()) {
            waits.add(CompletableFuture.runAsync(() -> {
                try {
                    p.awaitReady(timeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (Exception e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public String url(Service service) {
        return services.get(service).url();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public MailSink mail() {
        return mail;
    }

    /** Signs tokens the services accept, as {@code ./stack token} does. */
    public AccessTokens tokens() {
        return tokens;
    }

    public Options options() {
        return options;
    }

    /** Starts a service that was stopped or killed, and waits until it is ready. */
    public void restart(Service service) throws Exception {
        ServiceProcess p = services.get(service);
        if (p.isAlive()) {
            p.stop(Duration.ofSeconds(10));
        }
        p.start();
        p.awaitReady(Duration.ofSeconds(120));
    }

    /**
     * Stops the broker, keeps it down for {@code down}, and starts it again on the same port with the same logs, as
     * a broker restart in production does; the services are left to reconnect by themselves.
     */
    public synchronized void restartKafka(Duration down) throws Exception {
        kafka.close();
        Thread.sleep(down.toMillis());
        kafka = EmbeddedKafka.start(options.kafkaPort(), options.runDirectory().resolve("data/kafka"), PARTITIONS);
    }

    /** Stops PostgreSQL, keeps it down for {@code down}, and starts it again on the same port and data. */
    public synchronized void restartDatabase(Duration down) throws Exception {
        String password = database.password();
        database.close();
        Thread.sleep(down.toMillis());
        database = EmbeddedDatabase.start(options.postgresPort(), options.runDirectory().resolve("data/postgres"),
                password, true);
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = services.values().stream()
                .map(p -> CompletableFuture.runAsync(() -> {
                    try {
                        p.stop(Duration.ofSeconds(15));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })).toList();
        stops.forEach(CompletableFuture::join);
        closeQuietly(mail);
        closeQuietly(kafka);
        closeQuietly(database);
    }

    /** Deletes what a previous run kept: {@code ./stack up --fresh}. */
    public static void deleteData(Path runDirectory) throws IOException {
        Path data = runDirectory.resolve("data");
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The database password is made on first start and kept with the data it protects. */
    private static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        Files.writeString(file, secret);
        return secret;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("While stopping " + c.getClass().getSimpleName() + ": " + e);
        }
    }
}
