package io.incident.local;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: Kafka, PostgreSQL, the mail sink and the five services. {@code ./stack up}
 * runs it on fixed ports with data kept under {@code .run/}; the end-to-end tests run it on free ports in a
 * temporary folder. With several instances of each service ({@code ./stack up --instances 2}) the instances share
 * the broker, the database and the consumer groups, and each service's usual address is a front over its
 * instances ({@link ConnectionSpreader}).
 */
public final class Stack implements AutoCloseable {

    /**
     * Where things live and which ports they use. {@code servicePorts} and {@code intakeSmtpPort} are the addresses
     * people, tools and the services themselves use; with one instance of each service they are the instances' own
     * ports, with more a front on each spreads connections over the instances' ports in {@code instances}.
     */
    public record Options(Path repositoryRoot, Path runDirectory, int kafkaPort, int postgresPort, int smtpPort,
                          int mailWebPort, int intakeSmtpPort, Map<Service, Integer> servicePorts, String profile,
                          boolean movableClock, Map<String, String> extraProperties, List<InstancePorts> instances) {

        public Options {
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("At least one instance of each service");
            }
            servicePorts = Map.copyOf(servicePorts);
            extraProperties = Map.copyOf(extraProperties);
            instances = List.copyOf(instances);
        }

        /** One instance of each service, on the given ports. */
        public Options(Path repositoryRoot, Path runDirectory, int kafkaPort, int postgresPort, int smtpPort,
                       int mailWebPort, int intakeSmtpPort, Map<Service, Integer> servicePorts, String profile,
                       boolean movableClock, Map<String, String> extraProperties) {
            this(repositoryRoot, runDirectory, kafkaPort, postgresPort, smtpPort, mailWebPort, intakeSmtpPort,
                    servicePorts, profile, movableClock, extraProperties,
                    List.of(new InstancePorts(servicePorts, intakeSmtpPort)));
        }

        /** The fixed ports of DESIGN.md, each overridable with a system property such as {@code -Dport.kafka=19092}. */
        public static Options local(Path root) {
            return local(root, 1);
        }

        /**
         * The fixed ports, with {@code instances} of each service. From two on, the services' usual ports
         * (8081-8085) and intake's e-mail port (2525) are fronts, and instance {@code i} listens five ports further
         * on per instance (8086-8090, 8091-8095, ...) and on e-mail port 2525 + i.
         */
        public static Options local(Path root, int instances) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, Integer.getInteger("port." + s.moduleName(), s.defaultPort()));
            }
            int intakeSmtp = Integer.getInteger("port.intake-smtp", 2525);
            List<InstancePorts> each = new ArrayList<>();
            if (instances == 1) {
                each.add(new InstancePorts(ports, intakeSmtp));
            }
            for (int i = 1; instances > 1 && i <= instances; i++) {
                Map<Service, Integer> own = new EnumMap<>(Service.class);
                for (Service s : Service.values()) {
                    own.put(s, ports.get(s) + Service.values().length * i);
                }
                each.add(new InstancePorts(own, intakeSmtp + i));
            }
            return new Options(root, root.resolve(".run"), Integer.getInteger("port.kafka", 9092),
                    Integer.getInteger("port.postgres", 5433), Integer.getInteger("port.smtp", 3025),
                    Integer.getInteger("port.mail-web", 8025), intakeSmtp, ports, "local", false, Map.of(), each);
        }

        /** Free ports and a throw-away folder, for tests. */
        public static Options ephemeral(Path root, Path runDirectory) throws IOException {
            return ephemeral(root, runDirectory, 1);
        }

        /** Free ports, a throw-away folder and {@code instances} of each service behind fronts, for tests. */
        public static Options ephemeral(Path root, Path runDirectory, int instances) throws IOException {
            Map<Service, Integer> ports = freePorts();
            int intakeSmtp = freePort();
            List<InstancePorts> each = new ArrayList<>();
            if (instances == 1) {
                each.add(new InstancePorts(ports, intakeSmtp));
            }
            for (int i = 1; instances > 1 && i <= instances; i++) {
                each.add(new InstancePorts(freePorts(), freePort()));
            }
            return new Options(root, runDirectory, freePort(), freePort(), freePort(), freePort(), intakeSmtp, ports,
                    "local", true, Map.of(), each);
        }

        /** How many instances of each service run. */
        public int instanceCount() {
            return instances.size();
        }

        /** Whether the services' addresses are fronts over several instances. */
        public boolean fronted() {
            return instances.size() > 1;
        }

        public Options withMovableClock(boolean movable) {
            return new Options(repositoryRoot, runDirectory, kafkaPort, postgresPort, smtpPort, mailWebPort,
                    intakeSmtpPort, servicePorts, profile, movable, extraProperties, instances);
        }

        /** System properties for every service instance, over the defaults (Kafka consumer settings, say). */
        public Options withExtraProperties(Map<String, String> properties) {
            return new Options(repositoryRoot, runDirectory, kafkaPort, postgresPort, smtpPort, mailWebPort,
                    intakeSmtpPort, servicePorts, profile, movableClock, properties, instances);
        }

        private static Map<Service, Integer> freePorts() throws IOException {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, freePort());
            }
            return ports;
        }
    }

    /** The ports one instance of every service listens on: HTTP per service, and intake's e-mail listener. */
    public record InstancePorts(Map<Service, Integer> http, int intakeSmtp) {
        public InstancePorts {
            http = Map.copyOf(http);
        }
    }

    private final Options options;
    private volatile EmbeddedDatabase database;
    private volatile EmbeddedKafka kafka;
    private final MailSink mail;
    private final AccessTokens tokens;
    /** Each service's instances, the first one first. */
    private final Map<Service, List<ServiceProcess>> services = new EnumMap<>(Service.class);
    private final List<ConnectionSpreader> fronts = new ArrayList<>();

    private Stack(Options options, EmbeddedDatabase database, EmbeddedKafka kafka, MailSink mail,
                  AccessTokens tokens) {
        this.options = options;
        this.tokens = tokens;
        this.database = database;
        this.kafka = kafka;
        this.mail = mail;
    }

    /** Partitions per topic: enough for a few instances of each service to share the work. */
    static final int PARTITIONS = 3;

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
            if (options.fronted()) {
                stack.startFronts();
            }
            for (Service s : Service.values()) {
                List<ServiceProcess> instances = new ArrayList<>();
                for (int i = 1; i <= options.instanceCount(); i++) {
                    instances.add(stack.newProcess(s, i));
                }
                stack.services.put(s, instances);
            }
            // The first instances migrate the schemas; the others start once they are ready, so two Flyway runs
            // never race to create one schema.
            for (int i = 1; i <= options.instanceCount(); i++) {
                List<ServiceProcess> wave = stack.wave(i);
                for (ServiceProcess p : wave) {
                    p.start();
                }
                awaitReady(wave, Duration.ofSeconds(180));
            }
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startFronts() throws IOException {
        for (Service s : Service.values()) {
            fronts.add(ConnectionSpreader.start(s.moduleName(), options.servicePorts().get(s),
                    options.instances().stream().map(i -> i.http().get(s)).toList()));
        }
        fronts.add(ConnectionSpreader.start("intake-smtp", options.intakeSmtpPort(),
                options.instances().stream().map(InstancePorts::intakeSmtp).toList()));
    }

    /** The {@code instance}-th instance of every service. */
    private List<ServiceProcess> wave(int instance) {
        return services.values().stream().map(list -> list.get(instance - 1)).toList();
    }

    private ServiceProcess newProcess(Service service, int instance) {
        InstancePorts ports = options.instances().get(instance - 1);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.profile", options.profile());
        props.put("incident.db.port", String.valueOf(database.port()));
        props.put("incident.db.password", database.password());
        props.put("incident.kafka.bootstrap", kafka.bootstrapServers());
        props.put("incident.mail.port", String.valueOf(mail.smtpPort()));
        props.put("incident.clock.movable", String.valueOf(options.movableClock()));
        for (Service other : Service.values()) {
            // The services' addresses (fronts when there are several instances): links in mail and documents, and
            // the calls between services, keep working whichever instance is down.
            props.put("incident.urls." + other.moduleName(), "http://localhost:" + options.servicePorts().get(other));
        }
        // The services trust tokens signed by the stack's key; calls between services carry a service token.
        props.put("mp.jwt.verify.publickey", tokens.publicKeyPem());
        props.put("incident.access.service-token",
                tokens.token(service.moduleName(), Duration.ofDays(365), List.of("service")));
        // One-click links in pages (acknowledge) are signed by notification and honoured by commander.
        try {
            props.put("incident.access.link-secret", secret(options.runDirectory().resolve("secrets/link-secret")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (service == Service.INTAKE) {
            // Where people and mail gateways send reports by e-mail (R-REP-2).
            props.put("incident.intake.smtp.port", String.valueOf(ports.intakeSmtp()));
            // A Slack app pointed at this stack signs its slash commands with this secret (README, Slack).
            try {
                props.put("incident.intake.slack.signing-secret",
                        secret(options.runDirectory().resolve("secrets/slack-signing-secret")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        props.putAll(options.extraProperties());
        Path jar = options.repositoryRoot().resolve(service.moduleName()).resolve("target/quarkus-app/quarkus-run.jar");
        String log = instance == 1 ? service.moduleName() : service.moduleName() + "-" + instance;
        return new ServiceProcess(service, instance, jar, ports.http().get(service), props,
                options.runDirectory().resolve("logs").resolve(log + ".log"));
    }

    private static void awaitReady(List<ServiceProcess> processes, Duration timeout) throws Exception {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (ServiceProcess p : processes) {
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

    /** The service's first instance (its only one unless the stack runs several). */
    public ServiceProcess service(Service service) {
        return services.get(service).get(0);
    }

    /** Every instance of the service, the first one first. */
    public List<ServiceProcess> instances(Service service) {
        return List.copyOf(services.get(service));
    }

    /** The service's address: its only instance, or the front that spreads connections over its instances. */
    public String url(Service service) {
        return "http://localhost:" + options.servicePorts().get(service);
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

    /** Starts a service (its first instance) that was stopped or killed, and waits until it is ready. */
    public void restart(Service service) throws Exception {
        restart(service(service));
    }

    /** Starts an instance that was stopped or killed, and waits until it is ready. */
    public void restart(ServiceProcess p) throws Exception {
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
        List<CompletableFuture<Void>> stops = services.values().stream().flatMap(List::stream)
                .map(p -> CompletableFuture.runAsync(() -> {
                    try {
                        p.stop(Duration.ofSeconds(15));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })).toList();
        stops.forEach(CompletableFuture::join);
        fronts.forEach(Stack::closeQuietly);
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

    /** Ports this JVM has handed out: the system may offer a port again once its probe socket is closed. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * Where {@link #freePort} looks when {@code incident.port-base} is set: 1,000 ports from there. The system's own
     * choice (port 0) comes from the ephemeral range, which outgoing connections share: another process's
     * connection can take a probed port in the seconds before the service binds it. Below that range only listeners
     * live, so test JVMs that run stacks side by side each get a block of their own (end-to-end-tests/pom.xml).
     */
    static final String PORT_BASE = "incident.port-base";
    private static final int PORT_BLOCK = 1_000;

    /** A port nothing listens on now, and never one this JVM handed out before. */
    static int freePort() throws IOException {
        Integer base = Integer.getInteger(PORT_BASE);
        if (base != null) {
            for (int port = base; port < base + PORT_BLOCK; port++) {
                if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                    return port;
                }
            }
            throw new IOException("No free port left in " + base + "-" + (base + PORT_BLOCK - 1));
        }
        while (true) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                s.setReuseAddress(true);
                port = s.getLocalPort();
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException inUse) {
            return false;
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
