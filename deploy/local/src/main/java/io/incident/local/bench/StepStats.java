package io.incident.local.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one step of a load run measured: every successful latency (nanoseconds) and the failures counted by reason
 * ({@code HTTP 409}, {@code SMTP 451}, an exception's class). Thread-safe; a run records a few tens of thousands of
 * values, so keeping them all costs little and gives exact percentiles.
 */
public final class StepStats {

    private long[] values = new long[1024];
    private int count;
    private final Map<String, Integer> errors = new TreeMap<>();

    public synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = Math.max(0, nanos);
    }

    public synchronized void error(String reason) {
        errors.merge(reason, 1, Integer::sum);
    }

    public synchronized Map<String, Integer> errors() {
        return new TreeMap<>(errors);
    }

    public synchronized int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized Summary summary() {
        return Summary.of(Arrays.copyOf(values, count));
    }

    /** Nearest-rank percentiles of a set of latencies, in nanoseconds; all zero when nothing was measured. */
    public record Summary(int count, long p50, long p90, long p99, long max) {

        public static Summary of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Summary(sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        /** The smallest value with at least {@code p} % of the values at or below it (nearest rank). */
        static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        /** Completed measurements per second over a window. */
        public double perSecond(double windowSeconds) {
            return windowSeconds <= 0 ? 0 : count / windowSeconds;
        }
    }
}
