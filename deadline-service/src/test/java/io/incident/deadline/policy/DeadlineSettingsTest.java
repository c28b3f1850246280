package io.incident.deadline.policy;

import io.incident.deadline.calendar.BusinessCalendar;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class DeadlineSettingsTest {

    @Inject
    DeadlinePolicy policy;
    @Inject
    BusinessCalendar calendar;

    @Test
    @DisplayName("R-ACK-2 R-ACK-3 R-REP-7 R-CMD-5 R-CMD-7 R-DOC-2 R-SEC-1 R-SEC-3 R-CLS-1 R-PM-2 the service ships the goals of PROCESS.md")
    void shipsProcessDefaults() {
        assertThat(policy.goals()).isEqualTo(DeadlinePolicyTest.PROCESS_MD);
        Instant t = Instant.parse("2026-03-03T09:00:00Z");
        assertThat(policy.acknowledge(t, true).warnAt()).as("warns at 80 percent").isEqualTo(t.plus(ofMinutes(4)));
        assertThat(calendar.zone().normalized()).isEqualTo(ZoneOffset.UTC);
        assertThat(policy.countsAsDocumentUpdate("report-attached")).isFalse();
        assertThat(policy.countsAsDocumentUpdate("update")).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 26))).as("Thanksgiving: US federal holidays by default")
                .isFalse();
    }
}
