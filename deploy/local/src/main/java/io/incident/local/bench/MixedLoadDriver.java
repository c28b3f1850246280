package io.incident.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.local.bench.WorkloadMix.Kind;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.incident.local.bench.PlatformSetup.FIRST_NAMES;
import static io.incident.local.bench.PlatformSetup.capitalise;

/**
 * A mixed workload against a running stack ({@code ./stack load}), through the public interfaces only: alerts on the
 * Alertmanager and generic webhooks (with resends that intake must drop), reports e-mailed over SMTP, and for a share
 * of the incidents the commander's part: acknowledge as the paged person, a document update, mitigate, resolve,
 * propose close and, when the services run the movable clock, close after the objection window.
 *
 * <p>Requests are sent open-loop at a fixed rate; each answer is timed from the moment its request was due, so a
 * stack that falls behind shows it in the latencies. What happens after an answer is timed from the stack's own
 * events, read from Kafka by one consumer: report → {@code IncidentReported}, → {@code CommanderPaged}, →
 * {@code DocumentCreated}, page → {@code NotificationDelivered} of the page, and page → the page in the mail sink.
 */
public final class MixedLoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every title carries this tag, so the report event of any channel can be tied to the request that caused it. */
    private static final Pattern TAG = Pattern.compile("ld([a-z]{4})n(\\d+)");
    private static final Pattern INCIDENT_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String[] TEAM_NAMES = {"billing", "catalog", "checkout", "ledger", "search", "shipping",
            "identity", "reviews", "pricing", "inventory"};
    private static final String[] ALERTS = {"HighErrorRate", "HighLatency", "QueueBacklog", "DiskFilling",
            "PodRestarting", "CertificateExpiring"};
    private static final String[] SERVICES = {"commander", "intake", "notification", "deadline", "docs"};

    // Step names, in the order the table prints them.
    static final String AM = "alertmanager webhook -> 202";
    static final String AM_RESEND = "alertmanager resend -> 202";
    static final String GENERIC = "generic webhook -> 202";
    static final String SMTP = "e-mail over SMTP -> 250";
    static final String TO_REPORTED = "report -> IncidentReported";
    static final String TO_PAGED = "report -> CommanderPaged";
    static final String REPORTED_TO_PAGED = "IncidentReported -> CommanderPaged";
    static final String TO_DOCUMENT = "report -> DocumentCreated";
    static final String PAGE_DELIVERED = "page -> NotificationDelivered(page)";
    static final String PAGE_IN_SINK = "page -> page mail in sink";
    static final String ACK = "acknowledge -> 200";
    static final String UPDATE = "document update -> 201";
    static final String MITIGATE = "mitigate -> 200";
    static final String RESOLVE = "resolve -> 200";
    static final String PROPOSE = "propose close -> 200";
    static final String ADVANCE = "advance 5 clocks PT11M";
    static final String CLOSE = "close -> 200";

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PlatformSetup setup;
    private final ExecutorService pool;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final Map<String, StepStats> steps = new LinkedHashMap<>();
    private final Map<String, Sent> sentByTag = new ConcurrentHashMap<>();
    private final Map<UUID, Tracked> incidents = new ConcurrentHashMap<>();
    private final Map<Kind, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> integrationKeys = new LinkedHashMap<>();
    /** Recent Alertmanager payloads, for resends: what Alertmanager sends again on its group interval. */
    private final AtomicReferenceArray<String[]> recentAlerts = new AtomicReferenceArray<>(64);
    private final AtomicLong alertsSent = new AtomicLong();
    private final AtomicLong humanIndex = new AtomicLong();
    private final AtomicInteger flowsRunning = new AtomicInteger();
    private final AtomicInteger lateStarts = new AtomicInteger();
    private final ConcurrentLinkedQueue<Tracked> awaitingClose = new ConcurrentLinkedQueue<>();
    private final String run = randomLetters(4);
    private final List<String> teams = new ArrayList<>();
    private final Map<String, List<String>> teamPeople = new LinkedHashMap<>();
    private volatile boolean measuring;
    private volatile boolean humansWelcome;
    private volatile boolean stopping;
    private volatile boolean movableClock;
    private volatile boolean sinkReachable;

    /** Everything the command line can set. */
    record Config(double minutes, double rate, double warmupSeconds, int teams, double humanShare, long thinkMillis,
                  double drainSeconds, double closeEverySeconds, long sinkPollMillis, int threads, WorkloadMix mix,
                  String intake, String commander, String notification, String deadline, String docs, String kafka,
                  String smtpHost, int smtpPort, String mailDomain, String sink) {

        static Config parse(String[] args) {
            String smtp = arg(args, "--smtp", "localhost:2525");
            return new Config(Double.parseDouble(arg(args, "--minutes", "2")),
                    Double.parseDouble(arg(args, "--rate", "5")),
                    Double.parseDouble(arg(args, "--warmup-seconds", "15")),
                    Integer.parseInt(arg(args, "--teams", "5")),
                    Double.parseDouble(arg(args, "--human-share", "0.3")),
                    Long.parseLong(arg(args, "--think-ms", "300")),
                    Double.parseDouble(arg(args, "--drain-seconds", "90")),
                    Double.parseDouble(arg(args, "--close-every-seconds", "15")),
                    Long.parseLong(arg(args, "--sink-poll-ms", "3000")),
                    Integer.parseInt(arg(args, "--threads", "96")),
                    WorkloadMix.parse(arg(args, "--mix", "alertmanager=3,resend=1,generic=2,email=2")),
                    arg(args, "--intake", "http://localhost:8081"), arg(args, "--commander", "http://localhost:8082"),
                    arg(args, "--notification", "http://localhost:8083"),
                    arg(args, "--deadline", "http://localhost:8084"), arg(args, "--docs", "http://localhost:8085"),
                    arg(args, "--kafka", "localhost:9092"), smtp.substring(0, smtp.lastIndexOf(':')),
                    Integer.parseInt(smtp.substring(smtp.lastIndexOf(':') + 1)),
                    arg(args, "--mail-domain", "incidents.example.org"), arg(args, "--sink", "http://localhost:8025"));
        }

        String service(String name) {
            return switch (name) {
                case "intake" -> intake;
                case "commander" -> commander;
                case "notification" -> notification;
                case "deadline" -> deadline;
                case "docs" -> docs;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    /** A request of the workload, found again through the tag in its title. */
    record Sent(String tag, Kind kind, String team, long dueNanos, boolean measured) {
    }

    /** What the driver has seen of one incident; times are {@link System#nanoTime()} when the driver saw them. */
    static final class Tracked {
        final UUID id;
        volatile Sent sent;
        volatile long reportedSeen;
        volatile long pagedSeen;
        volatile String pagedPerson;
        volatile long documentSeen;
        volatile long pageDeliveredSeen;
        volatile long pageInSinkSeen;
        final AtomicBoolean flowStarted = new AtomicBoolean();

        Tracked(UUID id) {
            this.id = id;
        }
    }

    private MixedLoadDriver(Config config) {
        this.config = config;
        this.pool = Executors.newFixedThreadPool(config.threads());
        this.setup = new PlatformSetup(http, config.commander(), config.notification());
        for (String s : List.of(AM, AM_RESEND, GENERIC, SMTP, TO_REPORTED, TO_PAGED, REPORTED_TO_PAGED, TO_DOCUMENT,
                PAGE_DELIVERED, PAGE_IN_SINK, ACK, UPDATE, MITIGATE, RESOLVE, PROPOSE, ADVANCE, CLOSE)) {
            steps.put(s, new StepStats());
        }
    }

    public static void main(String[] args) throws Exception {
        MixedLoadDriver driver = new MixedLoadDriver(Config.parse(args));
        try {
            driver.run();
        } finally {
            driver.pool.shutdownNow();
            driver.timers.shutdownNow();
        }
    }

    private void run() throws Exception {
        System.out.printf("Mixed load: %.1f min at %.1f requests/s after %.0f s of warm-up, %d teams, %.0f %% of"
                        + " incidents driven by their IC; run tag ld%s; %d CPUs, load average %.2f%n", config.minutes(),
                config.rate(), config.warmupSeconds(), config.teams(), config.humanShare() * 100, run,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        // --close-every-seconds 0 leaves the clocks alone: each move fires every running clock of the stack that
        // falls due within it, which is load of its own.
        movableClock = config.closeEverySeconds() > 0 && clocksMovable();
        sinkReachable = get(config.sink() + "/api/messages") == 200;
        setUp();
        Thread observer = new Thread(this::observe, "kafka-observer");
        KafkaConsumer<String, String> consumer = consumer();
        observerConsumer = consumer;
        observer.start();
        if (sinkReachable) {
            timers.scheduleWithFixedDelay(this::pollSink, config.sinkPollMillis(), config.sinkPollMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (movableClock) {
            long every = Math.round(config.closeEverySeconds() * 1000);
            timers.scheduleWithFixedDelay(this::closeProposed, every, every, TimeUnit.MILLISECONDS);
        }

        System.out.println("Warming up...");
        offer(config.warmupSeconds(), false);
        System.out.println("Measuring...");
        measuring = true;
        humansWelcome = true;
        long start = System.nanoTime();
        long offered = offer(config.minutes() * 60, true);
        long windowNanos = System.nanoTime() - start;
        measuring = false;
        humansWelcome = false;
        System.out.printf("Sent %d requests in %.1f s (%d started more than 100 ms late); draining up to %.0f s...%n",
                offered, windowNanos / 1e9, lateStarts.get(), config.drainSeconds());
        drain();
        stopping = true;
        observer.join(5_000);
        report(windowNanos / 1e9, offered);
    }

    // --- setup through the public APIs ------------------------------------------------------------------------

    private void setUp() throws Exception {
        setup.enterOrganisation();
        for (int t = 0; t < config.teams(); t++) {
            String team = TEAM_NAMES[t % TEAM_NAMES.length] + (t < TEAM_NAMES.length ? "" : "-" + t / TEAM_NAMES.length);
            teams.add(team);
            teamPeople.put(team, setup.enterTeam(team, t));
            for (String type : List.of("ALERTMANAGER", "GENERIC")) {
                JsonNode issued = setup.post(config.intake() + "/integrations", PlatformSetup.ADMIN, Map.of("team",
                        team, "name", capitalise(team) + " " + type.toLowerCase(Locale.ROOT) + " (load " + run + ")",
                        "type", type), 201);
                integrationKeys.put(team + "/" + type, issued.get("key").asText());
            }
        }
        System.out.printf("Set up %d teams (4 people, 2 schedules, an escalation policy, a stakeholder and 2"
                + " integrations each); movable clock: %s; mail sink: %s%n", teams.size(),
                movableClock ? "yes" : "not moved (close is skipped)", sinkReachable ? config.sink() : "not reachable");
    }

    private boolean clocksMovable() {
        for (String s : SERVICES) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.service(s) + "/admin/clock"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !JSON.readTree(r.body()).path("movable").asBoolean()) {
                    return false;
                }
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }

    // --- the open-loop workload --------------------------------------------------------------------------------

    private long sequence;

    /** Sends requests at the configured rate for {@code seconds}; returns how many it sent. */
    private long offer(double seconds, boolean measured) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long i = 0;
        while (true) {
            long due = start + WorkloadMix.dueNanos(i, config.rate());
            if (due >= end) {
                return i;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Kind kind = config.mix().next();
            long seq = sequence++;
            pool.execute(() -> {
                if (System.nanoTime() - due > 100_000_000L && measured) {
                    lateStarts.incrementAndGet();
                }
                request(kind, seq, due, measured);
            });
            i++;
        }
    }

    private void request(Kind kind, long seq, long due, boolean measured) {
        String team = teams.get((int) (seq % teams.size()));
        String tag = "ld" + run + "n" + seq;
        try {
            switch (kind) {
                case ALERTMANAGER -> alert(team, tag, seq, due, measured);
                case ALERTMANAGER_RESEND -> resend(team, tag, seq, due, measured);
                case GENERIC -> generic(team, tag, seq, due, measured);
                case EMAIL -> email(team, tag, seq, due, measured);
            }
        } catch (Exception e) {
            if (measured) {
                steps.get(stepOf(kind)).error(e.getClass().getSimpleName());
            }
        }
    }

    private static String stepOf(Kind kind) {
        return switch (kind) {
            case ALERTMANAGER -> AM;
            case ALERTMANAGER_RESEND -> AM_RESEND;
            case GENERIC -> GENERIC;
            case EMAIL -> SMTP;
        };
    }

    private void alert(String team, String tag, long seq, long due, boolean measured) throws Exception {
        String alertname = ALERTS[(int) (seq % ALERTS.length)];
        String severity = seq % 4 == 0 ? "critical" : "warning";
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("status", "firing");
        alert.put("labels", Map.of("alertname", alertname, "instance", team + "-" + seq % 7 + ".example.org:9090",
                "job", team, "severity", severity, "team", team));
        alert.put("annotations", Map.of("summary", capitalise(team) + " " + alertname + " on host " + seq % 7
                        + " (" + tag + ")", "description", "Raised by the load driver.",
                "runbook_url", "https://runbooks.example.org/" + team + "/" + alertname));
        alert.put("startsAt", ZonedDateTime.now().format(DateTimeFormatter.ISO_INSTANT));
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus.example.org:9090/graph?g0.expr=" + alertname);
        alert.put("fingerprint", String.format("%016x", seq * 0x9E3779B97F4A7C15L));
        String groupKey = "{}/{team=\"" + team + "\"}:{alertname=\"" + alertname + "\",seq=\"" + seq + "\"}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receiver", "incident-intake");
        body.put("status", "firing");
        body.put("alerts", List.of(alert));
        body.put("groupLabels", Map.of("alertname", alertname));
        body.put("commonLabels", Map.of("alertname", alertname, "team", team));
        body.put("externalURL", "http://alertmanager.example.org:9093");
        body.put("version", "4");
        body.put("groupKey", groupKey);
        String payload = JSON.writeValueAsString(body);
        register(new Sent(tag, Kind.ALERTMANAGER, team, due, measured));
        recentAlerts.set((int) (alertsSent.getAndIncrement() % recentAlerts.length()), new String[] {team, payload});
        webhook(Kind.ALERTMANAGER, "/webhooks/alertmanager/" + integrationKeys.get(team + "/ALERTMANAGER"), payload,
                due, measured);
    }

    private void resend(String team, String tag, long seq, long due, boolean measured) throws Exception {
        long sent = alertsSent.get();
        String[] earlier = sent == 0 ? null : recentAlerts.get((int) (seq % Math.min(sent, recentAlerts.length())));
        if (earlier == null) {
            alert(team, tag, seq, due, measured);
            return;
        }
        webhook(Kind.ALERTMANAGER_RESEND, "/webhooks/alertmanager/" + integrationKeys.get(earlier[0] + "/ALERTMANAGER"),
                earlier[1], due, measured);
    }

    private void generic(String team, String tag, long seq, long due, boolean measured) throws Exception {
        String payload = JSON.writeValueAsString(Map.of("action", "trigger", "dedupKey", "load-" + tag,
                "title", capitalise(team) + " order queue depth over 10k (" + tag + ")",
                "description", "Raised by the load driver.", "severity", seq % 3 == 0 ? "critical" : "error",
                "links", List.of("https://grafana.example.org/d/" + team)));
        register(new Sent(tag, Kind.GENERIC, team, due, measured));
        webhook(Kind.GENERIC, "/webhooks/generic/" + integrationKeys.get(team + "/GENERIC"), payload, due, measured);
    }

    private void webhook(Kind kind, String path, String payload, long due, boolean measured) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.intake() + path))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - due;
        if (!measured) {
            return;
        }
        if (r.statusCode() != 202) {
            steps.get(stepOf(kind)).error("HTTP " + r.statusCode());
            return;
        }
        steps.get(stepOf(kind)).record(took);
        JSON.readTree(r.body()).path("outcomes").properties().forEach(o -> outcomes
                .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(o.getKey(), k -> new AtomicInteger()).addAndGet(o.getValue().asInt()));
    }

    /** One SMTP session per report, as a mail gateway that does not pipeline would send it. */
    private void email(String team, String tag, long seq, long due, boolean measured) throws Exception {
        register(new Sent(tag, Kind.EMAIL, team, due, measured));
        String to = team + "-incident-report@" + config.mailDomain();
        String from = "reporter-" + seq % 50 + "@example.org";
        String message = "From: " + FIRST_NAMES[(int) (seq % FIRST_NAMES.length)] + " Reporter <" + from + ">\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + capitalise(team) + " checkout fails for some customers (" + tag + ")\r\n"
                + "Message-ID: <" + tag + "@load.example.org>\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Since a few minutes customers report failed payments.\r\n"
                + "Dashboard: https://grafana.example.org/d/" + team + "\r\n";
        String reply;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.smtpHost(), config.smtpPort()), 5_000);
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, in, "EHLO load.example.org", 250);
            command(out, in, "MAIL FROM:<" + from + ">", 250);
            command(out, in, "RCPT TO:<" + to + ">", 250);
            command(out, in, "DATA", 354);
            out.write(message.replace("\r\n.", "\r\n..").getBytes(StandardCharsets.UTF_8));
            reply = command(out, in, ".", 250);
            long took = System.nanoTime() - due;
            if (measured) {
                steps.get(SMTP).record(took);
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (SmtpRefused e) {
            if (measured) {
                steps.get(SMTP).error("SMTP " + e.code);
            }
            return;
        }
        Matcher m = INCIDENT_ID.matcher(reply);
        if (m.find()) {
            tracked(UUID.fromString(m.group())).sent = sentByTag.get(tag);
        }
    }

    private static final class SmtpRefused extends IOException {
        final int code;

        SmtpRefused(int code, String reply) {
            super(reply);
            this.code = code;
        }
    }

    private static String command(OutputStream out, BufferedReader in, String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return expect(in, expected);
    }

    /** Reads one reply (multi-line replies have a dash after the code) and checks its code. */
    private static String expect(BufferedReader in, int expected) throws IOException {
        String line;
        StringBuilder reply = new StringBuilder();
        do {
            line = in.readLine();
            if (line == null || line.length() < 3) {
                throw new IOException("SMTP connection closed");
            }
            reply.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        int code = Integer.parseInt(line.substring(0, 3));
        if (code != expected) {
            throw new SmtpRefused(code, reply.toString());
        }
        return reply.toString();
    }

    private void register(Sent sent) {
        sentByTag.put(sent.tag(), sent);
    }

    private Tracked tracked(UUID id) {
        return incidents.computeIfAbsent(id, Tracked::new);
    }

    // --- what the stack publishes ------------------------------------------------------------------------------

    private volatile KafkaConsumer<String, String> observerConsumer;

    private KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "mixed-load-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of("incident.reports", "incident.lifecycle", "incident.documents",
                "incident.notifications"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().stream().map(p -> p.topic()).distinct().count() < 4
                && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        // Only this run's events matter; everything up to now is history.
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private void observe() {
        try (KafkaConsumer<String, String> consumer = observerConsumer) {
            while (!stopping) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                    long seen = System.nanoTime();
                    try {
                        onEvent(type(r), r, seen);
                    } catch (Exception e) {
                        System.err.println("Could not read " + r.topic() + " record: " + e);
                    }
                }
            }
        }
    }

    private void onEvent(String type, ConsumerRecord<String, String> r, long seen) throws IOException {
        switch (type) {
            case "io.incident.reported.v1" -> {
                JsonNode e = JSON.readTree(r.value());
                Matcher m = TAG.matcher(e.path("title").asText());
                if (m.find() && m.group(1).equals(run)) {
                    Tracked t = tracked(UUID.fromString(e.path("incidentId").asText()));
                    t.sent = sentByTag.get(m.group());
                    t.reportedSeen = seen;
                    maybeStartFlow(t);
                }
            }
            case "io.incident.commander.paged.v1" -> {
                Tracked t = incidents.computeIfAbsent(UUID.fromString(r.key()), Tracked::new);
                if (t.pagedSeen == 0) {
                    t.pagedPerson = JSON.readTree(r.value()).path("personRef").asText();
                    t.pagedSeen = seen;
                    maybeStartFlow(t);
                }
            }
            case "io.incident.document.created.v1" -> {
                Tracked t = incidents.get(UUID.fromString(r.key()));
                if (t != null && t.documentSeen == 0) {
                    t.documentSeen = seen;
                }
            }
            case "io.incident.notification.delivered.v1" -> {
                Tracked t = incidents.get(UUID.fromString(r.key()));
                if (t != null && t.pageDeliveredSeen == 0
                        && "page".equals(JSON.readTree(r.value()).path("template").asText())) {
                    t.pageDeliveredSeen = seen;
                }
            }
            default -> {
                // Other events are part of the load but not timed.
            }
        }
    }

    private static String type(ConsumerRecord<String, String> r) {
        Header h = r.headers().lastHeader("ce_type");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Reads the mail sink's list and notes when each page first shows up in it. */
    private void pollSink() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.sink() + "/api/messages"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            long seen = System.nanoTime();
            JsonNode messages = JSON.readTree(r.body());
            for (JsonNode m : messages) {
                if (!m.path("subject").asText().startsWith("[Page]")) {
                    continue;
                }
                Matcher id = INCIDENT_ID.matcher(m.path("body").asText());
                if (id.find()) {
                    Tracked t = incidents.get(UUID.fromString(id.group()));
                    if (t != null && t.pageInSinkSeen == 0) {
                        t.pageInSinkSeen = seen;
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("Could not read the mail sink: " + e);
        }
    }

    // --- the incident commander's part -------------------------------------------------------------------------

    private void maybeStartFlow(Tracked t) {
        Sent sent = t.sent;
        if (sent == null || !sent.measured() || t.pagedSeen == 0 || !humansWelcome
                || !t.flowStarted.compareAndSet(false, true)) {
            return;
        }
        if (!WorkloadMix.inShare(humanIndex.getAndIncrement(), config.humanShare())) {
            return;
        }
        flowsRunning.incrementAndGet();
        later(() -> step(t, ACK, "POST", config.commander() + "/incidents/" + t.id + "/acknowledge", 200,
                () -> afterDocument(t, () -> step(t, UPDATE, "POST", config.docs() + "/incidents/" + t.id + "/entries",
                        201, () -> step(t, MITIGATE, "POST", config.commander() + "/incidents/" + t.id + "/mitigate", 200,
                                () -> step(t, RESOLVE, "POST", config.commander() + "/incidents/" + t.id + "/resolve",
                                        200, () -> step(t, PROPOSE, "POST", config.commander() + "/incidents/" + t.id
                                                + "/close-proposals", 200, () -> proposed(t))))))));
    }

    private void later(Runnable r) {
        timers.schedule(() -> pool.execute(r), config.thinkMillis(), TimeUnit.MILLISECONDS);
    }

    /** A document update needs the document; it exists once {@code DocumentCreated} is out. */
    private void afterDocument(Tracked t, Runnable next) {
        if (t.documentSeen != 0) {
            later(next);
        } else if (stopping) {
            flowsRunning.decrementAndGet();
        } else {
            timers.schedule(() -> afterDocument(t, next), 200, TimeUnit.MILLISECONDS);
        }
    }

    /** One human step as the paged person; the next follows after the think time, or the flow ends on a failure. */
    private void step(Tracked t, String name, String method, String url, int expected, Runnable next) {
        String body = name.equals(UPDATE) ? "{\"kind\":\"update\",\"text\":\"Rolled back the last release; error"
                + " rate falling.\"}" : "";
        long t0 = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = http.send(PlatformSetup.as(t.pagedPerson, request).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == expected) {
                steps.get(name).record(System.nanoTime() - t0);
                later(next);
                return;
            }
            steps.get(name).error("HTTP " + r.statusCode());
        } catch (Exception e) {
            steps.get(name).error(e.getClass().getSimpleName());
        }
        flowsRunning.decrementAndGet();
    }

    private void proposed(Tracked t) {
        if (movableClock) {
            awaitingClose.add(t);
        } else {
            flowsRunning.decrementAndGet();
        }
    }

    /**
     * Moves every service's clock past the objection window once for all proposals made so far, then closes them:
     * one move per batch, since each move also brings every other running clock of the stack 11 minutes closer.
     */
    private void closeProposed() {
        List<Tracked> batch = new ArrayList<>();
        for (Tracked t; (t = awaitingClose.poll()) != null; ) {
            batch.add(t);
        }
        if (batch.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        boolean moved = true;
        for (String s : SERVICES) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                                URI.create(config.service(s) + "/admin/clock/advance?by=PT11M"))
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    steps.get(ADVANCE).error(s + " HTTP " + r.statusCode());
                    moved = false;
                }
            } catch (Exception e) {
                steps.get(ADVANCE).error(s + " " + e.getClass().getSimpleName());
                moved = false;
            }
        }
        if (moved) {
            steps.get(ADVANCE).record(System.nanoTime() - t0);
        }
        for (Tracked t : batch) {
            pool.execute(() -> step(t, CLOSE, "POST", config.commander() + "/incidents/" + t.id + "/close", 200,
                    flowsRunning::decrementAndGet));
        }
    }

    // --- after the load ----------------------------------------------------------------------------------------

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + (long) (config.drainSeconds() * 1e9);
        while (System.nanoTime() < deadline) {
            boolean eventsIn = measured().allMatch(t -> t.pagedSeen != 0 && t.documentSeen != 0
                    && t.pageDeliveredSeen != 0 && (!sinkReachable || t.pageInSinkSeen != 0));
            long refused = steps.get(AM).errorCount() + steps.get(GENERIC).errorCount() + steps.get(SMTP).errorCount();
            if (eventsIn && flowsRunning.get() == 0 && measured().count() >= expectedIncidents() - refused) {
                return;
            }
            Thread.sleep(500);
        }
        System.out.printf("Drain ended after %.0f s with %d human flows still running%n", config.drainSeconds(),
                flowsRunning.get());
    }

    private long expectedIncidents() {
        return sentByTag.values().stream().filter(Sent::measured).count();
    }

    private java.util.stream.Stream<Tracked> measured() {
        return incidents.values().stream().filter(t -> t.sent != null && t.sent.measured());
    }

    private void report(double window, long offered) {
        List<Tracked> mine = measured().toList();
        timeAfter(mine, TO_REPORTED, t -> t.reportedSeen, t -> t.sent.dueNanos());
        timeAfter(mine, TO_PAGED, t -> t.pagedSeen, t -> t.sent.dueNanos());
        timeAfter(mine, REPORTED_TO_PAGED, t -> t.pagedSeen, t -> t.reportedSeen);
        timeAfter(mine, TO_DOCUMENT, t -> t.documentSeen, t -> t.sent.dueNanos());
        timeAfter(mine, PAGE_DELIVERED, t -> t.pageDeliveredSeen, t -> t.pagedSeen);
        if (sinkReachable) {
            timeAfter(mine, PAGE_IN_SINK, t -> t.pageInSinkSeen, t -> t.pagedSeen);
        }
        System.out.printf("%nMeasured window %.1f s: %d requests offered at %.1f/s, %d incidents opened by them"
                + " (%d tagged requests), %d driven by their IC%n", window, offered, offered / window, mine.size(),
                expectedIncidents(), steps.get(ACK).summary().count() + steps.get(ACK).errorCount());
        System.out.printf("%-38s %7s %8s %9s %9s %9s %9s  %s%n", "step", "ok", "ok/s", "p50 ms", "p90 ms", "p99 ms",
                "max ms", "errors");
        steps.forEach((name, stats) -> {
            StepStats.Summary s = stats.summary();
            if (s.count() == 0 && stats.errorCount() == 0) {
                return;
            }
            System.out.printf("%-38s %7d %8.2f %9.1f %9.1f %9.1f %9.1f  %s%n", name, s.count(), s.perSecond(window),
                    s.p50() / 1e6, s.p90() / 1e6, s.p99() / 1e6, s.max() / 1e6,
                    stats.errors().isEmpty() ? "-" : stats.errors());
        });
        outcomes.forEach((kind, o) -> System.out.printf("intake outcomes of %s: %s%n", kind, new TreeMap<>(o)));
        if (!movableClock) {
            System.out.println("close: skipped, the driver did not move the clocks and the objection window is 10"
                    + " minutes (start the stack with ./stack up --fresh --movable-clock, and leave"
                    + " --close-every-seconds above 0, to include it)");
        }
        if (sinkReachable) {
            System.out.printf("page mail in sink: seen by polling every %d ms, so up to that much is added%n",
                    config.sinkPollMillis());
        }
        StepStats.Summary b = steps.get(REPORTED_TO_PAGED).summary();
        System.out.printf("%nBenchmark (issue 4) IncidentReported -> CommanderPaged on the local stack, Kafka to"
                        + " Kafka: p50 %.1f ms, p99 %.1f ms (%d incidents, at %.1f requests/s mixed load)%n",
                b.p50() / 1e6, b.p99() / 1e6, b.count(), config.rate());
        System.out.printf("Load average at the end: %.2f%n", loadAverage());
    }

    /** Times {@code to - from} for every incident that has both; an incident without {@code to} counts as not seen. */
    private void timeAfter(List<Tracked> tracked, String step, Function<Tracked, Long> to,
                           Function<Tracked, Long> from) {
        StepStats stats = steps.get(step);
        for (Tracked t : tracked) {
            long a = from.apply(t);
            long b = to.apply(t);
            if (a == 0) {
                continue;
            }
            if (b == 0) {
                stats.error("not seen");
            } else {
                stats.record(b - a);
            }
        }
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    private int get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String randomLetters(int n) {
        Random random = new Random();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        Set<String> known = Set.of("--minutes", "--rate", "--warmup-seconds", "--teams", "--human-share",
                "--think-ms", "--drain-seconds", "--close-every-seconds", "--sink-poll-ms", "--threads", "--mix",
                "--intake", "--commander", "--notification", "--deadline", "--docs", "--kafka", "--smtp",
                "--mail-domain", "--sink");
        for (String a : args) {
            if (a.startsWith("--") && !known.contains(a)) {
                throw new IllegalArgumentException("Unknown option " + a + "; known: " + new TreeSet<>(known));
            }
        }
        return fallback;
    }
}
