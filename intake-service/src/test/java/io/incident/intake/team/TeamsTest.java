package io.incident.intake.team;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsTest {

    @Test
    @DisplayName("team names are lower-case letters, digits and dashes, at most 63 characters")
    void names() {
        assertThat(Teams.isValid("payments")).isTrue();
        assertThat(Teams.isValid("site-reliability-2")).isTrue();
        assertThat(Teams.isValid("a".repeat(63))).isTrue();
        assertThat(Teams.isValid("a".repeat(64))).isFalse();
        assertThat(Teams.isValid("Pay Ments")).isFalse();
        assertThat(Teams.isValid("-payments")).isFalse();
        assertThat(Teams.isValid("")).isFalse();
        assertThat(Teams.isValid(null)).isFalse();
    }

    @Test
    @DisplayName("a team's intake address is <team>-incident-report@<domain>")
    void intakeAddress() {
        assertThat(Teams.intakeAddress("payments", "incidents.example.org"))
                .isEqualTo("payments-incident-report@incidents.example.org");
    }
}
