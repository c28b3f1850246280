package io.incident.intake.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    @DisplayName("R-REP-5 the first repeat of an open key is told at once, later ones at most once a minute")
    void firstAtOnceThenOnceAMinute() {
        assertThat(RepeatRules.announce(null, T0)).isTrue();
        assertThat(RepeatRules.announce(T0, T0.plusSeconds(1))).isFalse();
        assertThat(RepeatRules.announce(T0, T0.plusSeconds(59))).isFalse();
        assertThat(RepeatRules.announce(T0, T0.plusSeconds(60))).isTrue();
        assertThat(RepeatRules.announce(T0, T0.plusSeconds(3600))).isTrue();
    }
}
