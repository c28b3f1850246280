package io.incident.commander.rotation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * On-call resolution throughput: 1,000 teams with 5 layers each (daily, weekly, hourly, custom and a
 * business-hours layer, in a mix of time zones, with overrides), looked up at random instants over a year.
 * Run after {@code ./mvnw -o -q test-compile -pl commander-service}:
 * {@code java -cp commander-service/target/classes:commander-service/target/test-classes
 * io.incident.commander.rotation.OnCallBenchmark [seconds]}.
 */
public final class OnCallBenchmark {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Sydney"), ZoneId.of("UTC"));

    private OnCallBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Random random = new Random(42);
        List<Rotation> teams = new ArrayList<>();
        for (int t = 0; t < 1_000; t++) {
            teams.add(team(t, random));
        }
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        long yearMillis = Duration.ofDays(365).toMillis();
        int n = 1 << 16;
        Instant[] instants = new Instant[n];
        for (int i = 0; i < n; i++) {
            instants[i] = base.plusMillis((long) (random.nextDouble() * yearMillis));
        }

        long sink = 0;
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        for (int i = 0; System.nanoTime() < warmupEnd; i++) {
            sink += OnCall.at(teams.get(i % teams.size()), instants[i & (n - 1)]).size();
        }
        long lookups = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++, lookups++) {
                sink += OnCall.at(teams.get((int) (lookups % teams.size())), instants[(int) (lookups & (n - 1))])
                        .size();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("teams=1000 layers=5 lookups=%d seconds=%.2f lookups/s=%.0f (checksum %d)%n", lookups,
                elapsed, lookups / elapsed, sink);
    }

    private static Rotation team(int t, Random random) {
        ZoneId zone = ZONES.get(t % ZONES.size());
        LocalDateTime start = LocalDateTime.parse("2025-12-01T09:00").plusHours(random.nextInt(24));
        List<String> members = List.of("p" + t + "a", "p" + t + "b", "p" + t + "c", "p" + t + "d");
        List<Layer> layers = List.of(
                Layer.of("weekly", start, TurnLength.WEEKLY, members),
                Layer.of("daily", start, TurnLength.DAILY, members),
                new Layer("custom", start, TurnLength.CUSTOM, Duration.ofHours(12), members, List.of(), null),
                new Layer("nights", start, TurnLength.HOURLY, null, members, List.of(new Restriction(
                        Set.of(DayOfWeek.values()), LocalTime.of(22, 0), LocalTime.of(6, 0))), null),
                new Layer("business", start, TurnLength.DAILY, null, members, List.of(new Restriction(
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))), null));
        List<Override> overrides = new ArrayList<>();
        Instant from = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(300)));
        overrides.add(new Override("o" + t, Override.Kind.REPLACE, "sub" + t, null, from, from.plus(Duration.ofDays(2))));
        return new Rotation(zone, layers, overrides);
    }
}
