package io.incident.commander.escalation;

import io.incident.commander.escalation.EscalationPolicy.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationPolicyTest {

    private static final Duration GOAL = Duration.ofMinutes(5);
    private final Map<String, List<String>> onCall = Map.of("primary", List.of("ana"), "secondary", List.of("ben"),
            "empty", List.of());
    private final EscalationPolicy policy = new EscalationPolicy(List.of(new Level("primary", null, null),
            new Level("secondary", null, Duration.ofMinutes(10)), new Level(null, "cto-ref", null)), 0);

    private List<String> who(Level level) {
        return level.person() != null ? List.of(level.person()) : onCall.get(level.schedule());
    }

    @Test
    @DisplayName("R-ACK-2 levels are paged in order; a level's delay defaults to the acknowledge goal")
    void levelsInOrder() {
        EscalationPolicy.Step first = policy.next(0, 1, GOAL, this::who).orElseThrow();
        assertThat(first).isEqualTo(new EscalationPolicy.Step(1, List.of("ana"), GOAL));
        assertThat(policy.next(1, 1, GOAL, this::who)).contains(
                new EscalationPolicy.Step(2, List.of("ben"), Duration.ofMinutes(10)));
        assertThat(policy.next(2, 1, GOAL, this::who)).contains(
                new EscalationPolicy.Step(3, List.of("cto-ref"), GOAL));
        assertThat(policy.next(3, 1, GOAL, this::who)).isEmpty();
    }

    @Test
    @DisplayName("R-ACK-2 with a repeat count the levels start again before they are exhausted")
    void repeats() {
        EscalationPolicy twice = new EscalationPolicy(policy.levels(), 1);
        assertThat(twice.totalLevels()).isEqualTo(6);
        assertThat(twice.next(3, 1, GOAL, this::who).orElseThrow().people()).containsExactly("ana");
        assertThat(twice.next(6, 1, GOAL, this::who)).isEmpty();
    }

    @Test
    @DisplayName("R-ACK-2 a level whose schedule has nobody on call is skipped")
    void skipsGaps() {
        EscalationPolicy withGap = new EscalationPolicy(List.of(new Level("empty", null, null),
                new Level("secondary", null, null)), 0);
        assertThat(withGap.next(0, 1, GOAL, this::who).orElseThrow().level()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-ACK-4 a site-wide incident pages two engineers: the second comes from the next level")
    void twoEngineers() {
        EscalationPolicy.Step step = policy.next(0, 2, GOAL, this::who).orElseThrow();
        assertThat(step.level()).isEqualTo(1);
        assertThat(step.people()).containsExactly("ana", "ben");
    }

    @Test
    @DisplayName("a level targets a schedule or a person, not both; a policy needs a level")
    void invalid() {
        assertThatThrownBy(() -> new Level("primary", "ana", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Level(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationPolicy(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
