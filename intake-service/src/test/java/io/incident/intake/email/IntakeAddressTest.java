package io.incident.intake.email;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeAddressTest {

    private static final String DOMAIN = "incidents.example.org";

    @Test
    @DisplayName("R-REP-2 team addresses go to the team; the generic address goes to the SI team")
    void accepted() {
        assertThat(IntakeAddress.check("payments-incident-report@incidents.example.org", DOMAIN).recipient())
                .hasValueSatisfying(r -> {
                    assertThat(r.team()).isEqualTo("payments");
                    assertThat(r.plusKey()).isNull();
                });
        assertThat(IntakeAddress.check("<Incident-Report@Incidents.Example.org>", DOMAIN).recipient())
                .hasValueSatisfying(r -> assertThat(r.team()).isEqualTo("si"));
        assertThat(IntakeAddress.check("order-api-incident-report+checkout-5xx@incidents.example.org", DOMAIN)
                .recipient()).hasValueSatisfying(r -> {
                    assertThat(r.team()).isEqualTo("order-api");
                    assertThat(r.plusKey()).isEqualTo("checkout-5xx");
                });
    }

    @Test
    @DisplayName("every other recipient is refused with a reason: never an open relay")
    void refused() {
        assertThat(IntakeAddress.check("payments-incident-report@elsewhere.example.net", DOMAIN).refusal())
                .contains("relaying denied");
        assertThat(IntakeAddress.check("postmaster@incidents.example.org", DOMAIN).refusal())
                .contains("not an intake address", "incident-report@incidents.example.org");
        assertThat(IntakeAddress.check("not-an-address", DOMAIN).refusal()).contains("not a mail address");
        assertThat(IntakeAddress.check("", DOMAIN).recipient()).isEmpty();
    }
}
