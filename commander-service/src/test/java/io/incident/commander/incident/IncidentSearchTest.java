package io.incident.commander.incident;

import io.incident.events.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentSearchTest {

    private static IncidentSearch parse(List<String> states, List<String> severities, String limit, String cursor) {
        return IncidentSearch.parse(states, null, severities, null, null, null, null, null, limit, cursor);
    }

    @Test
    @DisplayName("no parameters: every state and severity, 50 per page, from the newest")
    void defaults() {
        IncidentSearch s = IncidentSearch.parse(null, null, null, null, null, null, null, null, null, null);
        assertThat(s.states()).isEmpty();
        assertThat(s.severities()).isEmpty();
        assertThat(s.limit()).isEqualTo(IncidentSearch.DEFAULT_LIMIT);
        assertThat(s.after()).isNull();
        assertThat(s.titlePattern()).isNull();
    }

    @Test
    @DisplayName("states and severities may repeat, be comma lists, and be any case")
    void lists() {
        IncidentSearch s = parse(List.of("reported,Commanded", "MITIGATED"), List.of("sev1", "SEV2"), "10", null);
        assertThat(s.states()).containsExactlyInAnyOrder(Incident.State.REPORTED, Incident.State.COMMANDED,
                Incident.State.MITIGATED);
        assertThat(s.severities()).containsExactlyInAnyOrder(Severity.SEV1, Severity.SEV2);
        assertThat(s.limit()).isEqualTo(10);
    }

    @Test
    @DisplayName("a filter that cannot be read is refused with the parameter's name, never ignored")
    void refusals() {
        assertThatThrownBy(() -> parse(List.of("OPENISH"), null, null, null))
                .isInstanceOf(IncidentSearch.Invalid.class).hasMessageContaining("'state'");
        assertThatThrownBy(() -> parse(null, List.of("SEV9"), null, null))
                .isInstanceOf(IncidentSearch.Invalid.class).hasMessageContaining("'severity'");
        assertThatThrownBy(() -> parse(null, null, "0", null)).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> parse(null, null, "201", null)).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> parse(null, null, "ten", null)).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> parse(null, null, null, "not-a-cursor")).hasMessageContaining("'cursor'");
        assertThatThrownBy(() -> IncidentSearch.parse(null, "Payments Team", null, null, null, null, null, null,
                null, null)).hasMessageContaining("'team'");
        assertThatThrownBy(() -> IncidentSearch.parse(null, null, null, null, "yes", null, null, null, null, null))
                .hasMessageContaining("'security'");
        assertThatThrownBy(() -> IncidentSearch.parse(null, null, null, null, null, "x".repeat(201), null, null,
                null, null)).hasMessageContaining("'q'");
        assertThatThrownBy(() -> IncidentSearch.parse(null, null, null, null, null, null, "yesterday", null, null,
                null)).hasMessageContaining("'reportedFrom'");
        assertThatThrownBy(() -> IncidentSearch.parse(null, null, null, null, null, null, "2026-11-22T10:00:00Z",
                "2026-11-22T09:00:00Z", null, null)).hasMessageContaining("earlier");
    }

    @Test
    @DisplayName("the cursor a page gives out reads back to the same position")
    void cursorRoundTrip() {
        IncidentSearch.Cursor c = new IncidentSearch.Cursor(Instant.parse("2026-11-22T03:04:05.678Z"),
                UUID.fromString("0b7d8a2e-4a3f-4f61-9d1e-2f3a4b5c6d7e"));
        assertThat(parse(null, null, null, c.encode()).after()).isEqualTo(c);
    }

    @Test
    @DisplayName("words of the title match literally and without regard to case: % and _ are not wildcards")
    void titlePattern() {
        IncidentSearch s = IncidentSearch.parse(null, null, null, null, null, "Disk 100%_Full!", null, null, null,
                null);
        assertThat(s.titlePattern()).isEqualTo("%disk 100!%!_full!!%");
    }
}
