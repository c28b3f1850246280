package io.incident.intake.pagerduty;

import io.incident.events.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagerDutySeverityTest {

    @Test
    @DisplayName("R-SEC-2 PagerDuty severities map to SEV1 (critical) down to SEV4 (info)")
    void mapping() {
        assertThat(PagerDutySeverity.fromWire("critical")).get().extracting(PagerDutySeverity::severity)
                .isEqualTo(Severity.SEV1);
        assertThat(PagerDutySeverity.fromWire("error")).get().extracting(PagerDutySeverity::severity)
                .isEqualTo(Severity.SEV2);
        assertThat(PagerDutySeverity.fromWire("warning")).get().extracting(PagerDutySeverity::severity)
                .isEqualTo(Severity.SEV3);
        assertThat(PagerDutySeverity.fromWire("info")).get().extracting(PagerDutySeverity::severity)
                .isEqualTo(Severity.SEV4);
        assertThat(PagerDutySeverity.fromWire("fatal")).isEmpty();
    }

    @Test
    @DisplayName("R-ACK-2 only a critical alert is likely an incident; every other alert is a standard automated alert")
    void likelyIncident() {
        assertThat(PagerDutySeverity.CRITICAL.likelyIncident()).isTrue();
        assertThat(PagerDutySeverity.ERROR.likelyIncident()).isFalse();
        assertThat(PagerDutySeverity.WARNING.likelyIncident()).isFalse();
        assertThat(PagerDutySeverity.INFO.likelyIncident()).isFalse();
    }
}
