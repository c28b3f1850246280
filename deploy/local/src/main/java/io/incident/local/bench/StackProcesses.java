package io.incident.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The processes of the local stack started from one repository, as Linux's {@code /proc} shows them, and the CPU
 * time each part has used: each service's JVMs (found by the path of its {@code quarkus-run.jar}, so a second
 * instance counts with the first), the PostgreSQL server on the stack's data directory with its backends, and the
 * launcher JVM ({@code StackMain up}), which hosts Kafka and the mail sink. Processes of other checkouts or of test
 * runs on the same machine do not match.
 */
final class StackProcesses {

    static final List<String> SERVICES = List.of("intake", "commander", "notification", "deadline", "docs");
    static final String POSTGRES = "postgresql";
    static final String LAUNCHER = "kafka + mail sink";
    /** {@code getconf CLK_TCK} on Linux; the kernel reports CPU time in these ticks. */
    private static final int TICKS_PER_SECOND = 100;

    private final Path root;

    StackProcesses(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** CPU time used so far, per part, in the order services, PostgreSQL, launcher. */
    record Sample(Map<String, Long> cpuMillis, Map<String, Integer> processes) {

        /** CPU milliseconds each part used between {@code earlier} and this sample. */
        Map<String, Long> since(Sample earlier) {
            Map<String, Long> used = new LinkedHashMap<>();
            cpuMillis.forEach((part, ms) -> used.put(part, ms - earlier.cpuMillis.getOrDefault(part, 0L)));
            return used;
        }
    }

    /** One line of {@code /proc/<pid>/stat}, with the fields this class reads. */
    private record Stat(long pid, long parent, long ticks, long reapedChildrenTicks, long startTicks) {

        static Stat parse(long pid, String line) {
            // The command name is in parentheses and may hold spaces; the numbered fields follow the last ')'.
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17, starttime 22.
            return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14]), Long.parseLong(f[19]));
        }
    }

    private record Proc(Stat stat, List<String> command) {
    }

    Sample sample() throws IOException {
        List<Proc> all = processes();
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String s : SERVICES) {
            List<Proc> jvms = all.stream().filter(p -> runsService(p, s)).toList();
            ticks.put(s, jvms.stream().mapToLong(p -> p.stat().ticks()).sum());
            count.put(s, jvms.size());
        }
        // Backends that ended in the window are counted through the server's reaped-children time.
        Path data = root.resolve(".run/data/postgres");
        List<Proc> servers = all.stream().filter(p -> isPostgresServerOn(p, data)).toList();
        long postgres = 0;
        int postgresProcesses = 0;
        for (Proc server : servers) {
            postgres += server.stat().ticks() + server.stat().reapedChildrenTicks();
            postgresProcesses++;
            for (Proc child : all) {
                if (child.stat().parent() == server.stat().pid()) {
                    postgres += child.stat().ticks();
                    postgresProcesses++;
                }
            }
        }
        ticks.put(POSTGRES, postgres);
        count.put(POSTGRES, postgresProcesses);
        List<Proc> launchers = all.stream().filter(this::isLauncher).toList();
        ticks.put(LAUNCHER, launchers.stream().mapToLong(p -> p.stat().ticks()).sum());
        count.put(LAUNCHER, launchers.size());
        Map<String, Long> millis = new LinkedHashMap<>();
        ticks.forEach((part, t) -> millis.put(part, t * 1000 / TICKS_PER_SECOND));
        return new Sample(millis, count);
    }

    /** How long the oldest service JVM has been running, in seconds; empty when none runs. */
    OptionalDouble uptimeSeconds() throws IOException {
        double sinceBoot = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        OptionalLong oldest = processes().stream().filter(p -> SERVICES.stream().anyMatch(s -> runsService(p, s)))
                .mapToLong(p -> p.stat().startTicks()).min();
        return oldest.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(sinceBoot - (double) oldest.getAsLong() / TICKS_PER_SECOND);
    }

    private boolean runsService(Proc p, String service) {
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        return p.command().stream().anyMatch(a -> samePath(a, jar));
    }

    private boolean isLauncher(Proc p) {
        return p.command().contains("io.incident.local.StackMain") && p.command().contains("up")
                && p.command().stream().anyMatch(a -> a.startsWith("-Dstack.root=")
                        && samePath(a.substring("-Dstack.root=".length()), root));
    }

    private static boolean isPostgresServerOn(Proc p, Path data) {
        List<String> c = p.command();
        int d = c.indexOf("-D");
        return !c.isEmpty() && c.get(0).endsWith("/bin/postgres") && d >= 0 && d + 1 < c.size()
                && samePath(c.get(d + 1), data);
    }

    private static boolean samePath(String arg, Path path) {
        try {
            return arg.startsWith("/") && Path.of(arg).normalize().equals(path);
        } catch (RuntimeException e) {
            return false; // not a path at all
        }
    }

    /** Every process this user may read; one that ends while being read is left out. */
    private static List<Proc> processes() throws IOException {
        List<Proc> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
                    if (cmdline.length == 0) {
                        continue; // a kernel thread, or a process on its way out
                    }
                    List<String> command = Arrays.asList(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
                    long pid = Long.parseLong(dir.getFileName().toString());
                    out.add(new Proc(Stat.parse(pid, Files.readString(dir.resolve("stat"))), command));
                } catch (IOException e) {
                    // The process ended between listing and reading.
                }
            }
        }
        return out;
    }
}
