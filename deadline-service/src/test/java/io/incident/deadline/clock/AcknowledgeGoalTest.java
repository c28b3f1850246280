package io.incident.deadline.clock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgeGoalTest {

    @Test
    @DisplayName("R-ACK-2 an alert likely to be an incident must be acknowledged within 5 minutes")
    void likelyIncident() {
        assertThat(AcknowledgeGoal.of(true)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    @DisplayName("R-ACK-2 a standard automated alert must be acknowledged within 15 minutes")
    void standardAlert() {
        assertThat(AcknowledgeGoal.of(false)).isEqualTo(Duration.ofMinutes(15));
    }
}
