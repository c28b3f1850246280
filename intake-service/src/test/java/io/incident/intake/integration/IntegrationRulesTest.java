package io.incident.intake.integration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationRulesTest {

    @Test
    @DisplayName("team, name and a known type make a valid integration; the type is matched without case")
    void valid() {
        assertThat(IntegrationRules.check(new NewIntegration("payments", "Checkout Prometheus", "PAGERDUTY")))
                .isEmpty();
        assertThat(IntegrationRules.check(new NewIntegration("payments", "Checkout Grafana", "grafana"))).isEmpty();
        assertThat(IntegrationRules.type(" alertmanager ")).contains(IntegrationType.ALERTMANAGER);
    }

    @Test
    @DisplayName("each missing or wrong field is named, all at once")
    void violations() {
        assertThat(IntegrationRules.check(new NewIntegration(null, " ", null)))
                .extracting(IntegrationRules.Violation::field).containsExactly("team", "name", "type");
        assertThat(IntegrationRules.check(new NewIntegration("Pay Ments", "x".repeat(201), "NAGIOS")))
                .extracting(IntegrationRules.Violation::field).containsExactly("team", "name", "type");
        assertThat(IntegrationRules.check(new NewIntegration("payments", "bad\nname", "GENERIC")))
                .extracting(IntegrationRules.Violation::field).containsExactly("name");
        assertThat(IntegrationRules.check(null)).extracting(IntegrationRules.Violation::field).containsExactly("body");
    }
}
