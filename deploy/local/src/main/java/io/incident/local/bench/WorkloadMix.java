package io.incident.local.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which request an open-loop load run sends next, and when. Kinds are interleaved by smooth weighted round robin,
 * so any stretch of the run carries the configured proportions (no bursts of one kind that chance would give), and
 * the i-th request is due at {@code i / rate} seconds after the start whatever the answers before it took: a slow
 * answer never delays the next request, so latencies are not flattered by coordinated omission.
 */
public final class WorkloadMix {

    /** What a request does. */
    public enum Kind {
        /** A new alert through the Alertmanager webhook. */
        ALERTMANAGER,
        /** Alertmanager sending an alert again that it sent before (group interval, doubt): intake must drop it. */
        ALERTMANAGER_RESEND,
        /** A new trigger through the generic webhook. */
        GENERIC,
        /** A report e-mailed over SMTP to a team's intake address. */
        EMAIL
    }

    private final Map<Kind, Integer> weights;
    private final Map<Kind, Integer> current = new EnumMap<>(Kind.class);
    private final int total;

    public WorkloadMix(Map<Kind, Integer> weights) {
        Map<Kind, Integer> w = new EnumMap<>(Kind.class);
        weights.forEach((k, v) -> {
            if (v < 0) {
                throw new IllegalArgumentException("A weight cannot be negative: " + k + "=" + v);
            }
            if (v > 0) {
                w.put(k, v);
            }
        });
        if (w.isEmpty()) {
            throw new IllegalArgumentException("At least one kind needs a weight above 0");
        }
        this.weights = w;
        this.total = w.values().stream().mapToInt(Integer::intValue).sum();
        w.keySet().forEach(k -> current.put(k, 0));
    }

    /** Reads {@code alertmanager=3,resend=1,generic=2,email=2}; kinds left out get weight 0. */
    public static WorkloadMix parse(String spec) {
        Map<String, Kind> names = new LinkedHashMap<>();
        names.put("alertmanager", Kind.ALERTMANAGER);
        names.put("resend", Kind.ALERTMANAGER_RESEND);
        names.put("generic", Kind.GENERIC);
        names.put("email", Kind.EMAIL);
        Map<Kind, Integer> weights = new EnumMap<>(Kind.class);
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            Kind kind = kv.length == 2 ? names.get(kv[0].trim()) : null;
            if (kind == null) {
                throw new IllegalArgumentException("'" + part + "' is not one of " + names.keySet() + " = weight");
            }
            weights.put(kind, Integer.parseInt(kv[1].trim()));
        }
        return new WorkloadMix(weights);
    }

    /** The next kind: the one furthest behind its share (smooth weighted round robin, as nginx balances). */
    public synchronized Kind next() {
        Kind best = null;
        for (Map.Entry<Kind, Integer> e : weights.entrySet()) {
            int c = current.merge(e.getKey(), e.getValue(), Integer::sum);
            if (best == null || c > current.get(best)) {
                best = e.getKey();
            }
        }
        current.merge(best, -total, Integer::sum);
        return best;
    }

    /** When request {@code i} (from 0) is due, in nanoseconds after the start, at {@code perSecond} requests/s. */
    public static long dueNanos(long i, double perSecond) {
        return Math.round(i * 1e9 / perSecond);
    }

    /**
     * Whether the {@code i}-th item (from 0) is among a share of a sequence, spread evenly rather than at random:
     * with 0.3, exactly 3 of every 10 consecutive items.
     */
    public static boolean inShare(long i, double share) {
        return Math.floor((i + 1) * share) > Math.floor(i * share);
    }
}
