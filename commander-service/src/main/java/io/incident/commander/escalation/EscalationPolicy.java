package io.incident.commander.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * R-ACK-2: a team's escalation policy. Levels are paged in order; each targets a schedule (whoever is on call) or a
 * person. A level's {@code delay} is how long its page waits for an acknowledgement before the next level; empty,
 * it is the acknowledge goal (5 or 15 minutes). After the last level the policy starts again from the first,
 * {@code repeat} times, and then its levels are exhausted.
 */
public record EscalationPolicy(List<Level> levels, int repeat) {

    public record Level(String schedule, String person, Duration delay) {
        public Level {
            boolean hasSchedule = schedule != null && !schedule.isBlank();
            boolean hasPerson = person != null && !person.isBlank();
            if (hasSchedule == hasPerson) {
                throw new IllegalArgumentException("A level targets either a schedule or a person");
            }
            if (delay != null && (delay.isNegative() || delay.isZero())) {
                throw new IllegalArgumentException("A level's delay must be positive");
            }
        }
    }

    /** Who to page at one level, and how long they have to acknowledge. */
    public record Step(int level, List<String> people, Duration delay) {
    }

    public EscalationPolicy {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("An escalation policy needs at least one level");
        }
        if (repeat < 0 || repeat > 9) {
            throw new IllegalArgumentException("repeat must be between 0 and 9");
        }
        levels = List.copyOf(levels);
    }

    /** Levels counted across repeats: level {@code levels.size() + 1} is the first level again. */
    public int totalLevels() {
        return levels.size() * (repeat + 1);
    }

    public Level level(int n) {
        return levels.get((n - 1) % levels.size());
    }

    /**
     * The first level after {@code fromLevel} with somebody to page, or empty when the levels are exhausted. A level
     * whose schedule is in a gap is skipped: paging nobody would leave the incident without a clock.
     *
     * @param wanted how many people to page (2 for a clear site-wide incident, R-ACK-4); further people come from
     *               the following levels, and the page counts as the first level's
     */
    public Optional<Step> next(int fromLevel, int wanted, Duration acknowledgeGoal,
                               Function<Level, List<String>> whoIsOnCall) {
        for (int n = fromLevel + 1; n <= totalLevels(); n++) {
            List<String> people = whoIsOnCall.apply(level(n));
            if (people.isEmpty()) {
                continue;
            }
            LinkedHashSet<String> chosen = new LinkedHashSet<>(people);
            for (int extra = n + 1; chosen.size() < wanted && extra <= Math.min(totalLevels(), n + levels.size() - 1);
                 extra++) {
                for (String p : whoIsOnCall.apply(level(extra))) {
                    if (chosen.size() < wanted) {
                        chosen.add(p);
                    }
                }
            }
            Duration delay = level(n).delay() == null ? acknowledgeGoal : level(n).delay();
            return Optional.of(new Step(n, new ArrayList<>(chosen), delay));
        }
        return Optional.empty();
    }
}
