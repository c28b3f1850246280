package io.incident.local.bench;

import io.incident.local.EmbeddedDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load on the deadline service's firing loop ({@code ./stack bench-deadlines}): N running clocks for fresh incidents,
 * written straight into {@code deadline.deadline} with one COPY, due evenly over S seconds from 10 s after the insert,
 * each warning at 80 % of its period as the service's policy would. Once every one has left PENDING it reports, from
 * the instants the service stamped ({@code warned_at}, {@code ended_at}), how late the loop warned and breached, and
 * deletes its rows. The outbox rows the firings wrote are the service's and stay.
 */
public final class DeadlineFiringBenchmark {

    private static final String KIND = "ACKNOWLEDGE";
    private static final String BREACHED_TYPE = "io.incident.deadline.breached.v1";
    private static final String WARNED_TYPE = "io.incident.deadline.warned.v1";
    /** The first clock falls due this long after the insert has committed. */
    private static final Duration LEAD = Duration.ofSeconds(10);

    private DeadlineFiringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = intArg(args, "--deadlines", 100_000);
        int spreadSeconds = intArg(args, "--spread-seconds", 60);
        double warnFraction = Double.parseDouble(stringArg(args, "--warn-fraction", "0.8"));
        if (count < 1 || spreadSeconds < 1 || !(warnFraction > 0 && warnFraction <= 1)) {
            System.err.println("usage: ./stack bench-deadlines [--deadlines N >= 1] [--spread-seconds S >= 1]"
                    + " [--warn-fraction F in (0, 1], 1 = no warnings]");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        int postgresPort = Integer.getInteger("port.postgres", 5433);
        int deadlinePort = Integer.getInteger("port.deadline-service", 8084);
        String password = readPassword(root.resolve(".run/secrets/db-password"));
        String url = "jdbc:postgresql://localhost:" + postgresPort + "/" + EmbeddedDatabase.DATABASE;
        requireDeadlineServiceUp(deadlinePort);

        // Fresh incidents, one clock each: no running clock of the kind can clash with the service's own.
        UUID[] ids = new UUID[count];
        UUID[] incidents = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID();
            incidents[i] = UUID.randomUUID();
        }
        // Due instants evenly spaced over the spread, written in random order: the heap is not in due order, as with
        // clocks that real incidents start.
        long[] dueOffsetMicros = new long[count];
        long spreadMicros = spreadSeconds * 1_000_000L;
        for (int i = 0; i < count; i++) {
            dueOffsetMicros[i] = count == 1 ? 0 : Math.round((double) i * spreadMicros / (count - 1));
        }
        shuffle(dueOffsetMicros, new Random());

        Cleanup cleanup = new Cleanup(url, password, ids);
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::runQuietly, "bench-cleanup"));

        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, password)) {
            c.setAutoCommit(true);
            stageIds(c, ids, incidents);

            // One COPY, one transaction: the firing loop sees every clock at once, when it commits. The due times must
            // be written before the insert's end is known, so the first is set LEAD plus an allowance for the insert
            // itself after its start; the margin actually left is printed below.
            Duration allowance = Duration.ofMillis(Math.max(2_000, count / 25L));
            Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant base = started.plus(LEAD).plus(allowance);
            long t0 = System.nanoTime();
            long inserted = insert(c, ids, incidents, dueOffsetMicros, started, base, warnFraction);
            long insertNanos = System.nanoTime() - t0;
            Instant insertedAt = Instant.now();
            cleanup.armed.set(true);
            Instant firstDue = base;
            Instant lastDue = base.plus(spreadMicros, ChronoUnit.MICROS);
            Instant firstWarn = warnAt(started, firstDue, warnFraction);
            System.out.printf("inserted %d PENDING %s deadlines in %.2f s (%.0f rows/s) with one COPY%n", inserted,
                    KIND, insertNanos / 1e9, inserted / (insertNanos / 1e9));
            System.out.printf("due evenly from %s to %s (%d s, %.0f breaches/s offered); first due %.2f s after the"
                    + " insert committed%n", firstDue, lastDue, spreadSeconds, count / (double) spreadSeconds,
                    Duration.between(insertedAt, firstDue).toMillis() / 1000.0);
            if (firstWarn != null) {
                System.out.printf("warnings at %.0f %% of each period from started_at %s: first %.2f s after the"
                        + " insert committed%n", warnFraction * 100, started,
                        Duration.between(insertedAt, firstWarn).toMillis() / 1000.0);
            } else {
                System.out.println("no warnings (warn fraction 1)");
            }

            boolean allFired = awaitFired(c, started, insertedAt.plusSeconds(spreadSeconds + 120L));
            awaitRelayed(c, Duration.ofSeconds(60));
            report(c, count, allFired);
            cleanup.run();
            System.out.printf("deleted %d benchmark deadlines (their outbox rows stay with the service)%n",
                    cleanup.deleted);
            if (!allFired) {
                System.exit(1);
            }
        }
    }

    /** The ids of this run, in a temporary table on the driver's own connection, for the queries at the end. */
    private static void stageIds(Connection c, UUID[] ids, UUID[] incidents) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table bench_deadline (id uuid primary key, incident_id uuid not null)");
        }
        CopyIn copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                .copyIn("copy pg_temp.bench_deadline (id, incident_id) from stdin");
        StringBuilder rows = new StringBuilder(80 * 1000);
        try {
            for (int i = 0; i < ids.length; i++) {
                rows.append(ids[i]).append('\t').append(incidents[i]).append('\n');
                if ((i + 1) % 1000 == 0 || i == ids.length - 1) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze pg_temp.bench_deadline");
        }
    }

    private static long insert(Connection c, UUID[] ids, UUID[] incidents, long[] dueOffsetMicros, Instant started,
                               Instant base, double warnFraction) throws SQLException {
        CopyIn copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("""
                copy deadline.deadline (id, incident_id, kind, started_at, warn_at, due_at, status, created_at)
                from stdin""");
        String startedText = started.toString();
        StringBuilder rows = new StringBuilder(200 * 1000);
        try {
            for (int i = 0; i < ids.length; i++) {
                Instant due = base.plus(dueOffsetMicros[i], ChronoUnit.MICROS);
                Instant warn = warnAt(started, due, warnFraction);
                rows.append(ids[i]).append('\t').append(incidents[i]).append('\t').append(KIND).append('\t')
                        .append(startedText).append('\t').append(warn == null ? "\\N" : warn.toString()).append('\t')
                        .append(due).append('\t').append("PENDING").append('\t').append(startedText).append('\n');
                if ((i + 1) % 1000 == 0 || i == ids.length - 1) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * As the service's DeadlinePolicy: the fraction of the period, in whole milliseconds; none unless before due, and
     * none at fraction 1 (the period's sub-millisecond rest would otherwise leave a warning a hair before due).
     */
    private static Instant warnAt(Instant started, Instant due, double warnFraction) {
        if (warnFraction >= 1) {
            return null;
        }
        Instant warn = started.plusMillis(Math.round(Duration.between(started, due).toMillis() * warnFraction));
        return warn.isBefore(due) ? warn : null;
    }

    /**
     * Polls once a second, cheaply (the partial index on running clocks, stopping at the first of ours), until none of
     * this run's clocks is PENDING; counts the rest every ten seconds to show progress.
     */
    private static boolean awaitFired(Connection c, Instant createdAt, Instant timeoutAt) throws Exception {
        OffsetDateTime marker = createdAt.atOffset(ZoneOffset.UTC);
        try (PreparedStatement any = c.prepareStatement("""
                select exists (select 1 from deadline.deadline
                                where status = 'PENDING' and kind = ? and created_at = ?)""");
             PreparedStatement pending = c.prepareStatement("""
                     select count(*) from deadline.deadline
                      where status = 'PENDING' and kind = ? and created_at = ?""")) {
            any.setString(1, KIND);
            any.setObject(2, marker);
            pending.setString(1, KIND);
            pending.setObject(2, marker);
            int polls = 0;
            while (true) {
                boolean left;
                try (ResultSet rs = any.executeQuery()) {
                    rs.next();
                    left = rs.getBoolean(1);
                }
                if (!left) {
                    System.out.printf("all fired (seen at %s)%n", Instant.now());
                    return true;
                }
                if (Instant.now().isAfter(timeoutAt)) {
                    System.out.printf("TIMED OUT at %s: %d deadlines still PENDING%n", Instant.now(), count(pending));
                    return false;
                }
                if (++polls % 10 == 0) {
                    System.out.printf("  %s  %d still PENDING%n", Instant.now(), count(pending));
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Gives the outbox relay up to {@code patience} to publish what the firings wrote, for the Kafka figure. */
    private static void awaitRelayed(Connection c, Duration patience) throws Exception {
        long until = System.nanoTime() + patience.toNanos();
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from deadline.outbox_event where published_at is null")) {
            while (true) {
                long unpublished = count(ps);
                if (unpublished == 0 || System.nanoTime() > until) {
                    if (unpublished > 0) {
                        System.out.printf("outbox: %d events still unpublished after %d s%n", unpublished,
                                patience.toSeconds());
                    }
                    return;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private static void report(Connection c, int count, boolean allFired) throws SQLException {
        System.out.println();
        System.out.printf("deadlines: %d inserted%s%n", count, allFired ? "" : " (timed out: figures are partial)");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select d.status, count(*), count(d.warned_at),
                       count(*) filter (where d.warn_at is not null and d.warned_at is null)
                  from deadline.deadline d join pg_temp.bench_deadline b on b.id = d.id
                 group by d.status order by d.status""")) {
            while (rs.next()) {
                System.out.printf("  %-9s %d (of which warned first %d, owed a warning but not warned %d)%n",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
        Lateness breaches = lateness(c, "d.ended_at", "d.due_at", "d.status = 'BREACHED'");
        Lateness warnings = lateness(c, "d.warned_at", "d.warn_at", "d.warned_at is not null");
        breaches.print("breach lateness (ended_at - due_at)");
        warnings.print("warning lateness (warned_at - warn_at)");
        if (breaches.fired > 0) {
            double busy = Math.max(0.001, Duration.between(breaches.firstStamp, breaches.lastStamp).toNanos() / 1e9);
            System.out.printf("breach throughput: %.0f breaches/s over the busy period (%.2f s from first to last"
                    + " breach, %.0f breaches/s offered)%n", breaches.fired / busy, busy, count / busySpread(c));
        }
        peakPerSecond(c);
        profile(c);
        relayed(c);
    }

    /** The spread the clocks were due over, from the table (the offered rate's denominator). */
    private static double busySpread(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select extract(epoch from max(d.due_at) - min(d.due_at))
                  from deadline.deadline d join pg_temp.bench_deadline b on b.id = d.id""")) {
            rs.next();
            return Math.max(1, rs.getDouble(1));
        }
    }

    private record Lateness(long fired, double p50, double p99, double max, Instant firstStamp, Instant lastStamp) {
        void print(String what) {
            if (fired == 0) {
                System.out.printf("%s: none fired%n", what);
                return;
            }
            System.out.printf("%s: %d fired, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, fired, p50, p99, max);
        }
    }

    private static Lateness lateness(Connection c, String stamp, String target, String where) throws SQLException {
        String sql = """
                select count(*),
                       percentile_disc(0.5) within group (order by ms),
                       percentile_disc(0.99) within group (order by ms),
                       max(ms), min(stamp), max(stamp)
                  from (select extract(epoch from %s - %s) * 1000 as ms, %s as stamp
                          from deadline.deadline d join pg_temp.bench_deadline b on b.id = d.id
                         where %s) x""".formatted(stamp, target, stamp, where);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long fired = rs.getLong(1);
            if (fired == 0) {
                return new Lateness(0, 0, 0, 0, null, null);
            }
            return new Lateness(fired, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                    rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
        }
    }

    /** The most firings the loop stamped within one wall-clock second: what it managed when it had a backlog. */
    private static void peakPerSecond(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select coalesce(max(n) filter (where what = 'breach'), 0), coalesce(max(total), 0)
                  from (select what, sec, count(*) as n, sum(count(*)) over (partition by sec) as total
                          from (select 'breach' as what, date_trunc('second', d.ended_at) as sec
                                  from deadline.deadline d join pg_temp.bench_deadline b on b.id = d.id
                                 where d.status = 'BREACHED'
                                union all
                                select 'warning', date_trunc('second', d.warned_at)
                                  from deadline.deadline d join pg_temp.bench_deadline b on b.id = d.id
                                 where d.warned_at is not null) f
                         group by what, sec) per_second""")) {
            rs.next();
            System.out.printf("peak in one second: %d breaches, %d firings (warnings + breaches)%n", rs.getLong(1),
                    rs.getLong(2));
        }
    }

    /**
     * Lateness over the run, in 10-second windows of when the firings were due (warnings and breaches together):
     * whether the loop kept up with the rate due or fell behind and caught up later.
     */
    private static void profile(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                with f as (select d.warn_at as due, d.warned_at as stamp, false as breach
                             from deadline.deadline d join pg_temp.bench_deadline b on b.id = d.id
                            where d.warned_at is not null
                           union all
                           select d.due_at, d.ended_at, true
                             from deadline.deadline d join pg_temp.bench_deadline b on b.id = d.id
                            where d.status = 'BREACHED'),
                     w as (select floor(extract(epoch from f.due - min(f.due) over ()) / 10)::int as win,
                                  extract(epoch from f.stamp - f.due) * 1000 as ms, f.breach
                             from f)
                select win, count(*) filter (where not breach), count(*) filter (where breach),
                       percentile_disc(0.5) within group (order by ms), max(ms)
                  from w group by win order by win""")) {
            System.out.println("by when due (10 s windows from the first firing due):");
            while (rs.next()) {
                int win = rs.getInt(1);
                System.out.printf("  %3d-%3d s: %6d warnings + %6d breaches due (%5.0f/s), lateness p50 %7.1f ms,"
                        + " max %7.1f ms%n", win * 10, win * 10 + 10, rs.getLong(2), rs.getLong(3),
                        (rs.getLong(2) + rs.getLong(3)) / 10.0, rs.getDouble(4), rs.getDouble(5));
            }
        }
    }

    /**
     * A second view, beyond the stamps: the service stamps a whole batch with the instant its transaction began, so
     * the stamp leaves out the rest of that transaction and the relay. The outbox's published_at is when Kafka took
     * the event. Each run's incidents are fresh, so the outbox subject finds this run's events.
     */
    private static void relayed(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*), count(ms),
                       percentile_disc(0.5) within group (order by ms),
                       percentile_disc(0.99) within group (order by ms),
                       max(ms)
                  from (select extract(epoch from o.published_at - (case when o.event_type = ? then d.due_at
                                                                          else d.warn_at end)) * 1000 as ms
                          from deadline.outbox_event o
                          join pg_temp.bench_deadline b on b.incident_id = o.subject
                          join deadline.deadline d on d.id = b.id
                         where o.event_type = ?) x""")) {
            for (String type : new String[] {BREACHED_TYPE, WARNED_TYPE}) {
                ps.setString(1, BREACHED_TYPE);
                ps.setString(2, type);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String what = type.equals(BREACHED_TYPE) ? "due -> DeadlineBreached" : "warn -> DeadlineWarned";
                    if (rs.getLong(2) == 0) {
                        System.out.printf("%s on Kafka (outbox published_at): %d in the outbox, none published%n",
                                what, rs.getLong(1));
                        continue;
                    }
                    System.out.printf("%s on Kafka (outbox published_at): p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                            + " (%d of %d published)%n", what, rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getLong(2), rs.getLong(1));
                }
            }
        }
    }

    /** Deletes this run's deadlines, on its own connection, also from a shutdown hook if the run is interrupted. */
    private static final class Cleanup {
        private final String url;
        private final String password;
        private final UUID[] ids;
        final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        volatile long deleted;

        Cleanup(String url, String password, UUID[] ids) {
            this.url = url;
            this.password = password;
            this.ids = ids;
        }

        void run() throws SQLException {
            // Armed only once the insert committed; before that a failed COPY left nothing behind.
            if (!armed.get() || !done.compareAndSet(false, true)) {
                return;
            }
            try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, password);
                 PreparedStatement ps = c.prepareStatement("delete from deadline.deadline where id = any (?)")) {
                for (int from = 0; from < ids.length; from += 10_000) {
                    UUID[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + 10_000));
                    ps.setArray(1, c.createArrayOf("uuid", chunk));
                    deleted += ps.executeUpdate();
                }
            }
        }

        void runQuietly() {
            try {
                if (armed.get() && !done.get()) {
                    System.err.println("Stopped early: deleting the benchmark's deadlines...");
                }
                run();
            } catch (SQLException e) {
                System.err.println("Could not delete the benchmark's deadlines: " + e.getMessage());
            }
        }
    }

    private static void requireDeadlineServiceUp(int port) throws InterruptedException {
        String health = "http://localhost:" + port + "/q/health/ready";
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                return;
            }
            System.err.println("The deadline service is not ready (" + health + " answered " + r.statusCode() + ")");
        } catch (IOException e) {
            System.err.println("The deadline service does not answer at " + health + ": start the stack with"
                    + " ./stack up first");
        }
        System.exit(1);
    }

    private static String readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            System.err.println("No database password at " + file + ": start the stack with ./stack up first");
            System.exit(1);
        }
        return Files.readString(file).trim();
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void shuffle(long[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
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
