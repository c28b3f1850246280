package io.incident.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storm of reports against a running stack ({@code ./stack storm}), set against what the stack's own broker and
 * database can do. One run measures, in this order:
 * <ol>
 *   <li>the raw Kafka producer rate on the stack's broker (1 KB records, acks=all, idempotent);</li>
 *   <li>the PostgreSQL commit rate on the stack's database (single-row insert and commit from 16 threads);</li>
 *   <li>accepted reports/s: N distinct reports to {@code POST /reports} from C clients over T paging teams;</li>
 *   <li>whole-platform drain/s: reports over the time from the first POST until no consumer group lags and
 *       every service's outbox is published;</li>
 *   <li>page latency of P probe reports to a team of their own, spread evenly through the storm: POST sent → the
 *       page mail in the mail sink;</li>
 *   <li>CPU milliseconds per report of each service, PostgreSQL and the launcher JVM (Kafka and the mail sink).</li>
 * </ol>
 * The first two are references: the ceiling a platform that only wrote to Kafka, or only committed, would have.
 */
public final class StormDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Below this the JIT is still compiling the hot paths and the pools are filling: the run is labelled cold. */
    private static final double WARM_AFTER_SECONDS = 60;
    private static final long DRAIN_POLL_MILLIS = 200;
    private static final String RAW_TOPIC = "bench.raw-producer";
    private static final String PROBE_TEAM = "storm-probe";

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> teams = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile String probeRecipient = "";
    private volatile long stormStartNanos;
    /** Whether the stack had been up long enough to be warm, in words for the report. */
    private String warmth = "";

    /** Everything the command line can set. */
    record Config(int reports, int teams, int probes, int concurrency, int producerRecords, int commitThreads,
                  double commitSeconds, double drainTimeoutSeconds, double probeWaitSeconds, long sinkPollMillis,
                  String intake, String commander, String notification, String kafka, String jdbc, String sink,
                  Path root) {

        private static final List<String> OPTIONS = List.of("--reports", "--teams", "--probes", "--concurrency",
                "--producer-records", "--commit-threads", "--commit-seconds", "--drain-timeout-seconds",
                "--probe-wait-seconds", "--sink-poll-ms", "--intake", "--commander", "--notification", "--kafka",
                "--jdbc", "--sink");

        static Config parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                    throw new IllegalArgumentException("Unknown option or missing value: " + args[i] + "; known: "
                            + new TreeSet<>(OPTIONS));
                }
                given.put(args[i], args[i + 1]);
            }
            Config c = new Config(Integer.parseInt(given.getOrDefault("--reports", "5000")),
                    Integer.parseInt(given.getOrDefault("--teams", "5")),
                    Integer.parseInt(given.getOrDefault("--probes", "10")),
                    Integer.parseInt(given.getOrDefault("--concurrency", "16")),
                    Integer.parseInt(given.getOrDefault("--producer-records", "20000")),
                    Integer.parseInt(given.getOrDefault("--commit-threads", "16")),
                    Double.parseDouble(given.getOrDefault("--commit-seconds", "5")),
                    Double.parseDouble(given.getOrDefault("--drain-timeout-seconds", "900")),
                    Double.parseDouble(given.getOrDefault("--probe-wait-seconds", "120")),
                    Long.parseLong(given.getOrDefault("--sink-poll-ms", "500")),
                    given.getOrDefault("--intake", "http://localhost:8081"),
                    given.getOrDefault("--commander", "http://localhost:8082"),
                    given.getOrDefault("--notification", "http://localhost:8083"),
                    given.getOrDefault("--kafka", "localhost:9092"),
                    given.getOrDefault("--jdbc", "jdbc:postgresql://localhost:5433/incident"),
                    given.getOrDefault("--sink", "http://localhost:8025"),
                    Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize());
            if (c.reports() < 1 || c.teams() < 1 || c.concurrency() < 1 || c.probes() < 0
                    || c.probes() > c.reports()) {
                throw new IllegalArgumentException("Need --reports, --teams and --concurrency of at least 1, and"
                        + " --probes between 0 and --reports");
            }
            return c;
        }
    }

    /** One probe report; times are {@link System#nanoTime()}. */
    static final class Probe {
        final int number;
        /** How many storm reports are taken before it is sent, so the probes spread evenly through the storm. */
        final int afterReports;
        volatile long sentNanos;
        volatile UUID incidentId;
        volatile long pageMailNanos;
        volatile String failure;

        Probe(int number, int afterReports) {
            this.number = number;
            this.afterReports = afterReports;
        }

        boolean awaitingMail() {
            return incidentId != null && pageMailNanos == 0;
        }
    }

    /** When the POST phase began (the first POST sent) and ended (the last answer). */
    record Posted(long startNanos, long endNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private StormDriver(Config config) {
        this.config = config;
        for (int k = 0; k < config.probes(); k++) {
            probes.add(new Probe(k + 1, (int) ((k + 0.5) * config.reports() / config.probes())));
        }
    }

    public static void main(String[] args) throws Exception {
        new StormDriver(Config.parse(args)).run();
    }

    private void run() throws Exception {
        StackProcesses stack = new StackProcesses(config.root());
        OptionalDouble uptime = stack.uptimeSeconds();
        if (uptime.isEmpty()) {
            throw new IllegalStateException("No service of " + config.root() + " is running: start it with ./stack up");
        }
        warmth = uptime.getAsDouble() < WARM_AFTER_SECONDS
                ? String.format("COLD: stack up %.0f s, under %.0f s", uptime.getAsDouble(), WARM_AFTER_SECONDS)
                : String.format("warm: stack up %.0f s", uptime.getAsDouble());
        System.out.printf("Storm %s at %s: %,d reports from %d clients over %d teams, %d probes; %s; %d CPUs,"
                        + " load average %.2f%n", run, Instant.now().truncatedTo(ChronoUnit.SECONDS), config.reports(),
                config.concurrency(), config.teams(), config.probes(), warmth,
                Runtime.getRuntime().availableProcessors(), loadAverage());

        double producerRate = rawProducerRate();
        System.out.printf("1. raw Kafka producer: %,.0f records/s (%,d records of 1 KB, acks=all, idempotent, to %s)%n",
                producerRate, config.producerRecords(), RAW_TOPIC);
        String password = Files.readString(config.root().resolve(".run/secrets/db-password")).trim();
        double commitRate = commitRate(password);
        System.out.printf("2. PostgreSQL commits: %,.0f commits/s (%d threads, single-row insert + commit, %.0f s)%n",
                commitRate, config.commitThreads(), config.commitSeconds());

        setUp();
        try (Connection db = DriverManager.getConnection(config.jdbc(), "incident", password);
             PlatformBacklog backlog = new PlatformBacklog(config.kafka(), db, "storm-")) {
            awaitQuiet(backlog);
            Thread sinkWatcher = new Thread(this::watchSink, "sink-watcher");
            sinkWatcher.setDaemon(true);
            StackProcesses.Sample cpuBefore = stack.sample();
            long driverCpuBefore = driverCpuNanos();
            sinkWatcher.start();
            Posted posted = storm();
            System.out.printf("3. accepted: %,d of %,d reports in %.1f s, %,.1f reports/s; non-2xx %s; failed %s%n",
                    accepted.get(), config.reports() + config.probes(), posted.seconds(),
                    accepted.get() / posted.seconds(), nonOk(), failures());
            Drained drained = drain(backlog, posted);
            StackProcesses.Sample cpuAfter = stack.sample();
            long driverCpu = driverCpuNanos() - driverCpuBefore;
            awaitProbeMail();
            sinkWatcher.interrupt();
            Figures figures = new Figures(producerRate, commitRate, accepted.get() / posted.seconds(),
                    drained.seconds(drained.emptyNanos(), posted), drained.seconds(drained.idleNanos(), posted));
            report(figures, cpuAfter.since(cpuBefore), cpuAfter.processes(), driverCpu, drained.mailAtEmpty());
        }
    }

    // --- 1. and 2.: what the broker and the database can do on their own ---------------------------------------

    private double rawProducerRate() throws Exception {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        String value = "x".repeat(1024);
        double rate;
        // The broker creates the topic on the first send, as in intake's WebhookThroughputTest, whose figure this
        // repeats against the stack's broker.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(RAW_TOPIC, "warm-up", value));
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < config.producerRecords(); i++) {
                producer.send(new ProducerRecord<>(RAW_TOPIC, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            rate = config.producerRecords() / ((System.nanoTime() - start) / 1e9);
        }
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka()))) {
            admin.deleteTopics(List.of(RAW_TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
        return rate;
    }

    /** pgbench's simplest question: how many durable commits a second the server takes from many sessions. */
    private double commitRate(String password) throws Exception {
        String table = "bench.commit_rate_" + run;
        boolean createdSchema;
        try (Connection c = DriverManager.getConnection(config.jdbc(), "incident", password);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_namespace where nspname = 'bench'")) {
                createdSchema = !rs.next();
            }
            s.execute("create schema if not exists bench");
            s.execute("create table " + table + " (id bigserial primary key, thread int not null,"
                    + " at timestamptz not null default now())");
        }
        List<Connection> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(config.commitThreads());
        try {
            // Sessions are opened first, so a refused connection ends the run here instead of skewing the rate.
            for (int t = 0; t < config.commitThreads(); t++) {
                sessions.add(DriverManager.getConnection(config.jdbc(), "incident", password));
            }
            AtomicLong commits = new AtomicLong();
            long start = System.nanoTime();
            long end = start + (long) (config.commitSeconds() * 1e9);
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < sessions.size(); t++) {
                Connection session = sessions.get(t);
                int thread = t;
                threads.add(pool.submit(() -> {
                    try (PreparedStatement insert = session.prepareStatement(
                            "insert into " + table + " (thread) values (?)")) {
                        while (System.nanoTime() < end) {
                            insert.setInt(1, thread);
                            insert.executeUpdate(); // autocommit: one transaction, one WAL flush to wait for
                            commits.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> t : threads) {
                t.get();
            }
            return commits.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
            for (Connection session : sessions) {
                session.close();
            }
            try (Connection c = DriverManager.getConnection(config.jdbc(), "incident", password);
                 Statement s = c.createStatement()) {
                s.execute("drop table " + table);
                if (createdSchema) {
                    s.execute("drop schema bench");
                }
            }
        }
    }

    // --- setup: paging teams for the storm, and one for the probes ---------------------------------------------

    private void setUp() throws Exception {
        PlatformSetup setup = new PlatformSetup(http, config.commander(), config.notification());
        setup.enterOrganisation();
        for (int t = 0; t < config.teams(); t++) {
            teams.add("storm-" + (t + 1));
            setup.enterTeam(teams.get(t), t);
        }
        setup.enterTeam(PROBE_TEAM, config.teams());
        System.out.printf("Set up %d storm teams and %s (4 people, 2 schedules, an escalation policy each):"
                + " every report pages its team's on-call person%n", teams.size(), PROBE_TEAM);
    }

    /** Starts from a platform with nothing left to do, so the storm's figures are the storm's own. */
    private void awaitQuiet(PlatformBacklog backlog) throws Exception {
        long start = System.nanoTime();
        PlatformBacklog.Snapshot s = backlog.take();
        while (!s.idle() && System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(DRAIN_POLL_MILLIS);
            s = backlog.take();
        }
        System.out.printf(s.idle() ? "Platform quiet after %.1f s (%d consumer groups, outboxes of %s)%n"
                        : "Platform still busy after %.0f s: " + s.describe() + "; the storm starts anyway%n",
                (System.nanoTime() - start) / 1e9, s.lagByGroup().size(), backlog.schemas());
    }

    // --- 3. and 5.: the storm and its probes -------------------------------------------------------------------

    private Posted storm() throws InterruptedException {
        Map<Integer, Probe> probeBefore = new LinkedHashMap<>();
        probes.forEach(p -> probeBefore.put(p.afterReports, p));
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(config.concurrency());
        long start = System.nanoTime();
        stormStartNanos = start;
        for (int c = 0; c < config.concurrency(); c++) {
            clients.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < config.reports(); ) {
                    Probe probe = probeBefore.get(i);
                    if (probe != null) {
                        sendProbe(probe);
                    }
                    post(report("Storm " + run + " report " + i + ": checkout latency above 2 s",
                            teams.get(i % teams.size())));
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        return new Posted(start, System.nanoTime());
    }

    private void sendProbe(Probe probe) {
        probe.sentNanos = System.nanoTime();
        JsonNode answer = post(report("Storm " + run + " probe " + probe.number + ": payments down for all users",
                PROBE_TEAM));
        if (answer == null) {
            probe.failure = "refused";
        } else {
            probe.incidentId = UUID.fromString(answer.path("incidentId").asText());
        }
    }

    private HttpRequest report(String title, String team) {
        String body = JSON.createObjectNode().put("title", title)
                .put("description", "Generated by the storm driver.").put("team", team).toString();
        return HttpRequest.newBuilder(URI.create(config.intake() + "/reports"))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The intake's answer when it took the report, otherwise null with the reason counted. */
    private JsonNode post(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                accepted.incrementAndGet();
                return JSON.readTree(r.body());
            }
            refusals.computeIfAbsent("HTTP " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        } catch (Exception e) {
            refusals.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        }
        return null;
    }

    /**
     * Reads the mail sink until every probe's page is in it. The sink answers with every message it holds, so the
     * arrival time is the time of the first answer that holds the page: up to one poll interval late.
     */
    private void watchSink() {
        HttpRequest list = HttpRequest.newBuilder(URI.create(config.sink() + "/api/messages"))
                .timeout(Duration.ofSeconds(30)).build();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(config.sinkPollMillis());
                if (probes.stream().noneMatch(Probe::awaitingMail)) {
                    continue;
                }
                HttpResponse<String> r = http.send(list, HttpResponse.BodyHandlers.ofString());
                long seen = System.nanoTime();
                for (JsonNode m : JSON.readTree(r.body())) {
                    if (!m.path("subject").asText().startsWith("[Page]")) {
                        continue;
                    }
                    String body = m.path("body").asText();
                    for (Probe p : probes) {
                        if (p.awaitingMail() && body.contains(p.incidentId.toString())) {
                            p.pageMailNanos = seen;
                            probeRecipient = m.path("to").toString();
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("Could not read the mail sink: " + e);
            }
        }
    }

    private int sinkMessageCount() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(config.sink() + "/api/messages"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body()).size();
    }

    private void awaitProbeMail() throws InterruptedException {
        long deadline = System.nanoTime() + (long) (config.probeWaitSeconds() * 1e9);
        while (probes.stream().anyMatch(Probe::awaitingMail) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    // --- 4.: until the platform has nothing left to do ---------------------------------------------------------

    /**
     * When the platform first had no lag and no unpublished outbox row (the drain), and when it first had, in
     * addition, no message waiting for its first attempt (idle); {@link System#nanoTime()}, 0 when not reached.
     */
    record Drained(long emptyNanos, long idleNanos, int mailAtEmpty) {

        /** Seconds from the first POST, or -1 when not reached. */
        double seconds(long at, Posted posted) {
            return at == 0 ? -1 : (at - posted.startNanos()) / 1e9;
        }
    }

    private Drained drain(PlatformBacklog backlog, Posted posted) throws Exception {
        long deadline = posted.startNanos() + (long) (config.drainTimeoutSeconds() * 1e9);
        long emptyAt = 0;
        int mailAtEmpty = -1;
        long lastLine = 0;
        while (true) {
            PlatformBacklog.Snapshot s = backlog.take();
            long now = System.nanoTime();
            if (emptyAt == 0 && s.empty()) {
                emptyAt = now;
                mailAtEmpty = sinkMessageCount();
                System.out.printf("4. drained (no lag, outboxes empty) %.1f s after the first POST, %.1f s after the"
                                + " last answer; %,d messages waiting in notification, %,d in the mail sink%n",
                        (now - posted.startNanos()) / 1e9, (now - posted.endNanos()) / 1e9, s.deliveriesWaiting(),
                        mailAtEmpty);
            }
            if (s.idle()) {
                System.out.printf("   idle (drained, and every message sent) %.1f s after the first POST%n",
                        (now - posted.startNanos()) / 1e9);
                return new Drained(emptyAt, now, mailAtEmpty);
            }
            if (now > deadline) {
                System.out.printf("4. not %s after %.0f s: %s%n", emptyAt == 0 ? "drained" : "idle",
                        config.drainTimeoutSeconds(), s.describe());
                return new Drained(emptyAt, 0, mailAtEmpty);
            }
            if (now - lastLine >= Duration.ofSeconds(10).toNanos()) {
                System.out.printf("   +%.0f s: %s%n", (now - posted.startNanos()) / 1e9, s.describe());
                lastLine = now;
            }
            Thread.sleep(DRAIN_POLL_MILLIS);
        }
    }

    // --- the figures -------------------------------------------------------------------------------------------

    /** Rates per second; the drain and idle times are seconds from the first POST, -1 when not reached. */
    record Figures(double producerRate, double commitRate, double acceptedRate, double drainSeconds,
                   double idleSeconds) {
    }

    private void report(Figures f, Map<String, Long> cpuMillis, Map<String, Integer> processes, long driverCpuNanos,
                        int mailAtDrain) throws Exception {
        int reports = Math.max(1, accepted.get());
        System.out.printf("%n5. probe page latency (report POST sent -> page mail in the sink, polled every %d ms):%n",
                config.sinkPollMillis());
        long[] latencies = probes.stream().filter(p -> p.pageMailNanos != 0)
                .mapToLong(p -> p.pageMailNanos - p.sentNanos).toArray();
        for (Probe p : probes) {
            System.out.printf("   probe %2d, sent at +%5.1f s (before storm report %,d): %s%n", p.number,
                    (p.sentNanos - stormStartNanos) / 1e9, p.afterReports,
                    p.failure != null ? p.failure : p.pageMailNanos == 0 ? "no page mail within "
                            + (long) config.probeWaitSeconds() + " s of the end of the drain"
                            : String.format("%,.0f ms", (p.pageMailNanos - p.sentNanos) / 1e6));
        }
        StepStats.Summary page = StepStats.Summary.of(latencies);
        String pageFigures = String.format("p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms", page.p50() / 1e6,
                page.p99() / 1e6, page.max() / 1e6);
        System.out.printf("   %s (%d of %d seen, to %s); the mail sink held %,d messages at the drain, %,d now%n",
                pageFigures, latencies.length, probes.size(), probeRecipient, mailAtDrain, sinkMessageCount());

        long stackCpu = cpuMillis.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%n6. CPU from the first POST until idle (/proc utime+stime, 100 Hz), per accepted report"
                + " (%,d):%n", accepted.get());
        System.out.printf("   %-20s %9s %10s %12s %7s%n", "part", "processes", "CPU s", "ms/report", "share");
        cpuMillis.forEach((part, ms) -> System.out.printf("   %-20s %9d %10.1f %12.2f %6.0f %%%n", part,
                processes.get(part), ms / 1e3, (double) ms / reports, stackCpu == 0 ? 0 : 100.0 * ms / stackCpu));
        System.out.printf("   %-20s %9s %10.1f %12.2f%n", "stack total", "", stackCpu / 1e3,
                (double) stackCpu / reports);
        System.out.printf("   %-20s %9s %10.1f %12.2f   (the load generator, on the same cores)%n", "storm driver",
                "1", driverCpuNanos / 1e9, driverCpuNanos / 1e6 / reports);

        System.out.printf("%nStorm %s summary (%s):%n", run, warmth);
        row("raw Kafka producer", String.format("%,.0f records/s", f.producerRate()), "1 KB, acks=all, idempotent");
        row("PostgreSQL commits", String.format("%,.0f commits/s", f.commitRate()),
                config.commitThreads() + " threads, single-row insert + commit");
        row("accepted reports", String.format("%,.1f reports/s", f.acceptedRate()), String.format(
                "%,d of %,d 2xx, non-2xx %s, failed %s", accepted.get(), config.reports() + config.probes(), nonOk(),
                failures()));
        row("whole-platform drain", perSecond(f.drainSeconds()), until(f.drainSeconds(), "no lag, outboxes empty"));
        row("until every mail sent", perSecond(f.idleSeconds()), until(f.idleSeconds(), "delivery queue empty too"));
        row("accepted / raw", String.format("%.2f %%", 100 * f.acceptedRate() / f.producerRate()),
                "of the broker's raw producer rate");
        if (f.drainSeconds() > 0) {
            row("drain / accepted", String.format("%.0f %%", 100 * reports / f.drainSeconds() / f.acceptedRate()),
                    "of the intake rate the platform keeps up with");
        }
        row("probe page latency", pageFigures, latencies.length + " of " + probes.size() + " probes");
        StringBuilder perPart = new StringBuilder();
        cpuMillis.forEach((part, ms) -> perPart.append(String.format("%s%s %.1f", perPart.isEmpty() ? "" : ", ",
                part, (double) ms / reports)));
        row("CPU ms per report", String.format("%.1f", (double) stackCpu / reports), perPart.toString());
        System.out.printf("Load average at the end: %.2f%n", loadAverage());
    }

    private String perSecond(double seconds) {
        return seconds < 0 ? "not reached" : String.format("%,.1f reports/s", accepted.get() / seconds);
    }

    private String until(double seconds, String what) {
        return seconds < 0 ? "within " + (long) config.drainTimeoutSeconds() + " s"
                : String.format("%.1f s to %s", seconds, what);
    }

    private static void row(String what, String figure, String note) {
        System.out.printf("   %-22s %-44s %s%n", what, figure, note);
    }

    private String nonOk() {
        return counted(true);
    }

    private String failures() {
        return counted(false);
    }

    /** The refusals that were HTTP answers, or the ones that were exceptions, e.g. {@code {HTTP 503=12}}. */
    private String counted(boolean answers) {
        Map<String, Integer> out = new TreeMap<>();
        refusals.forEach((reason, n) -> {
            if (reason.startsWith("HTTP ") == answers) {
                out.put(reason, n.get());
            }
        });
        return out.isEmpty() ? "0" : out.toString();
    }

    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
