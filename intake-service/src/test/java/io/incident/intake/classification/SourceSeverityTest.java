package io.incident.intake.classification;

import io.incident.events.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceSeverityTest {

    @Test
    @DisplayName("R-SEC-2 tools' severity words map to SEV1-SEV4")
    void words() {
        assertThat(SourceSeverity.of("critical")).contains(Severity.SEV1);
        assertThat(SourceSeverity.of("P1")).contains(Severity.SEV1);
        assertThat(SourceSeverity.of("SEV-1")).contains(Severity.SEV1);
        assertThat(SourceSeverity.of("error")).contains(Severity.SEV2);
        assertThat(SourceSeverity.of("High")).contains(Severity.SEV2);
        assertThat(SourceSeverity.of(" warning ")).contains(Severity.SEV3);
        assertThat(SourceSeverity.of("info")).contains(Severity.SEV4);
        assertThat(SourceSeverity.of("low")).contains(Severity.SEV4);
    }

    @Test
    @DisplayName("an unknown or missing severity is SEV3 until the commander verifies the impact")
    void unknown() {
        assertThat(SourceSeverity.of("purple")).isEmpty();
        assertThat(SourceSeverity.of(null)).isEmpty();
        assertThat(SourceSeverity.orDefault("purple")).isEqualTo(Severity.SEV3);
    }
}
