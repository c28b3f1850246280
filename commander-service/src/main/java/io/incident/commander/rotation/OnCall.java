package io.incident.commander.rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is on call: a pure function of a rotation and an instant. The highest layer that covers the instant wins
 * (lower layers fill its gaps); overrides then add, replace or remove people, in the order they were made.
 */
public final class OnCall {

    /** Bounds the work {@link #shifts} does for one layer, whatever window a caller asks for. */
    private static final int MAX_TURNS_PER_LAYER = 20_000;

    private OnCall() {
    }

    /** The people on call at {@code t}, in a stable order; empty in a gap nobody covers. */
    public static List<String> at(Rotation rotation, Instant t) {
        List<String> onCall = new ArrayList<>(2);
        List<Layer> layers = rotation.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<String> person = layerAt(layers.get(i), rotation.zone(), t);
            if (person.isPresent()) {
                onCall.add(person.get());
                break;
            }
        }
        for (Override o : rotation.overrides()) {
            if (o.covers(t)) {
                apply(o, onCall);
            }
        }
        return onCall;
    }

    private static void apply(Override o, List<String> onCall) {
        switch (o.kind()) {
            case ADD -> {
                if (!onCall.contains(o.personRef())) {
                    onCall.add(o.personRef());
                }
            }
            case REMOVE -> onCall.remove(o.personRef());
            case REPLACE -> {
                if (o.replaces() == null || o.replaces().isBlank()) {
                    onCall.clear();
                    onCall.add(o.personRef());
                } else {
                    int at = onCall.indexOf(o.replaces());
                    if (at >= 0) {
                        onCall.remove(o.personRef());
                        onCall.add(Math.min(at, onCall.size()), o.personRef());
                        onCall.remove(o.replaces());
                    }
                }
            }
        }
    }

    /** The member whose turn it is on {@code layer} at {@code t}, if the layer covers {@code t}. */
    public static Optional<String> layerAt(Layer layer, ZoneId zone, Instant t) {
        Instant start = layer.start().atZone(zone).toInstant();
        if (t.isBefore(start) || (layer.end() != null && !t.isBefore(layer.end().atZone(zone).toInstant()))) {
            return Optional.empty();
        }
        if (!layer.restrictions().isEmpty()) {
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            if (layer.restrictions().stream().noneMatch(r -> r.covers(local))) {
                return Optional.empty();
            }
        }
        long turn = turnIndex(layer, zone, t);
        return Optional.of(layer.members().get((int) (turn % layer.members().size())));
    }

    /** The number of whole turns between the layer's start and {@code t} (t is at or after the start). */
    static long turnIndex(Layer layer, ZoneId zone, Instant t) {
        Instant start = layer.start().atZone(zone).toInstant();
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        long estimate = switch (layer.turn()) {
            case HOURLY -> Duration.between(start, t).toHours();
            case DAILY -> ChronoUnit.DAYS.between(layer.start(), local);
            case WEEKLY -> ChronoUnit.WEEKS.between(layer.start(), local);
            case CUSTOM -> Duration.between(start, t).toMillis() / layer.customLength().toMillis();
        };
        // The wall-clock estimate can be one turn off around a daylight-saving change; the turn boundaries as
        // instants decide.
        long index = Math.max(0, estimate);
        while (index > 0 && turnStart(layer, zone, index).isAfter(t)) {
            index--;
        }
        while (!turnStart(layer, zone, index + 1).isAfter(t)) {
            index++;
        }
        return index;
    }

    /** When turn {@code n} begins: daily and weekly turns at the hand-off's wall-clock time in the zone. */
    static Instant turnStart(Layer layer, ZoneId zone, long n) {
        return switch (layer.turn()) {
            case HOURLY -> layer.start().atZone(zone).toInstant().plus(Duration.ofHours(n));
            case DAILY -> layer.start().plusDays(n).atZone(zone).toInstant();
            case WEEKLY -> layer.start().plusWeeks(n).atZone(zone).toInstant();
            case CUSTOM -> layer.start().atZone(zone).toInstant().plus(layer.customLength().multipliedBy(n));
        };
    }

    /**
     * The final schedule between {@code from} and {@code to} as one shift per person per unbroken stretch on call.
     * Evaluates {@link #at} at every instant where the answer can change: turn boundaries, restriction edges and
     * override edges.
     */
    public static List<Shift> shifts(Rotation rotation, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        TreeSet<Instant> edges = new TreeSet<>();
        edges.add(from);
        ZoneId zone = rotation.zone();
        for (Layer layer : rotation.layers()) {
            Instant start = layer.start().atZone(zone).toInstant();
            edges.add(start);
            if (layer.end() != null) {
                edges.add(layer.end().atZone(zone).toInstant());
            }
            long n = from.isAfter(start) ? turnIndex(layer, zone, from) : 0;
            for (int i = 0; i < MAX_TURNS_PER_LAYER; i++, n++) {
                Instant edge = turnStart(layer, zone, n);
                if (!edge.isBefore(to)) {
                    break;
                }
                edges.add(edge);
            }
            LocalDate lastDay = LocalDate.ofInstant(to, zone).plusDays(1);
            for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(lastDay);
                 day = day.plusDays(1)) {
                for (Restriction r : layer.restrictions()) {
                    if (r.days().contains(day.getDayOfWeek())) {
                        edges.add(day.atTime(r.from()).atZone(zone).toInstant());
                        LocalDate endDay = r.from().isBefore(r.to()) ? day : day.plusDays(1);
                        edges.add(endDay.atTime(r.to()).atZone(zone).toInstant());
                    }
                }
            }
        }
        for (Override o : rotation.overrides()) {
            edges.add(o.from());
            edges.add(o.to());
        }
        List<Instant> points = new ArrayList<>(edges.subSet(from, true, to, false));
        points.add(to);

        List<Shift> done = new ArrayList<>();
        Map<String, Instant> open = new LinkedHashMap<>();
        for (int i = 0; i < points.size() - 1; i++) {
            Instant at = points.get(i);
            List<String> now = at(rotation, at);
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!now.contains(e.getKey())) {
                    done.add(new Shift(e.getKey(), e.getValue(), at));
                    it.remove();
                }
            }
            for (String person : now) {
                open.putIfAbsent(person, at);
            }
        }
        open.forEach((person, start) -> done.add(new Shift(person, start, to)));
        done.sort((a, b) -> a.start().equals(b.start()) ? a.personRef().compareTo(b.personRef())
                : a.start().compareTo(b.start()));
        return done;
    }
}
