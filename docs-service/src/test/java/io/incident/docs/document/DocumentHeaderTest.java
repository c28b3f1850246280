package io.incident.docs.document;

import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.events.TriageDecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R-DOC-1: the header follows the lifecycle. */
class DocumentHeaderTest {

    private static final UUID INCIDENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static DocumentHeader reported() {
        return DocumentHeader.of(new IncidentReported(INCIDENT, UUID.randomUUID(), "payments", "Checkout fails",
                "502s", ReportChannel.REST, Severity.SEV2, true, false, false, null, "reporter-ref-1", List.of(),
                List.of(), AT));
    }

    @Test
    @DisplayName("R-DOC-1 the header says 'reported' until an IC acknowledges, then names the IC and the team")
    void acknowledge() {
        DocumentHeader h = reported();
        assertThat(h.status()).isEqualTo("reported");
        assertThat(h.commanderRef()).isNull();
        h = h.apply(new CommanderAcknowledged(INCIDENT, "person-ref-7", "payments", AT));
        assertThat(h.status()).isEqualTo("active");
        assertThat(h.commanderRef()).isEqualTo("person-ref-7");
    }

    @Test
    @DisplayName("R-DOC-1 severity, hand-off, mitigation, resolution, close proposal, objection and close")
    void lifecycle() {
        DocumentHeader h = reported()
                .apply(new CommanderAcknowledged(INCIDENT, "person-ref-7", "payments", AT))
                .apply(new SeverityChanged(INCIDENT, Severity.SEV2, Severity.SEV1, "person-ref-7", "Worse", AT))
                .apply(new CommandHandedOff(INCIDENT, "person-ref-7", "person-ref-9", "checkout", AT));
        assertThat(h.severity()).isEqualTo("SEV1");
        assertThat(h.commanderRef()).isEqualTo("person-ref-9");
        assertThat(h.team()).isEqualTo("checkout");
        assertThat(h.apply(new IncidentMitigated(INCIDENT, "person-ref-9", AT)).status()).isEqualTo("mitigated");
        h = h.apply(new IncidentResolved(INCIDENT, "person-ref-9", AT));
        assertThat(h.status()).isEqualTo("resolved");
        h = h.apply(new CloseProposed(INCIDENT, "person-ref-9", AT.plusSeconds(600), AT));
        assertThat(h.status()).isEqualTo("closing");
        h = h.apply(new CloseObjected(INCIDENT, "person-ref-8", "Still failing", AT));
        assertThat(h.status()).isEqualTo("resolved");
        h = h.apply(new IncidentClosed(INCIDENT, "person-ref-9", "checkout", Severity.SEV1, AT, AT));
        assertThat(h.status()).isEqualTo("closed");
        assertThat(h.open()).isFalse();
        assertThat(h.apply(new CommanderAcknowledged(INCIDENT, "person-ref-1", "payments", AT)))
                .as("a late event does not reopen a closed incident").isEqualTo(h);
    }

    @Test
    @DisplayName("R-ACK-1 triage that finds no incident ends it; triage that confirms it makes it active")
    void triage() {
        assertThat(reported().apply(new IncidentTriaged(INCIDENT, TriageDecision.FALSE_POSITIVE, "person-ref-7",
                null, "qpp-incident-response", AT)).status()).isEqualTo("false-positive");
        assertThat(reported().apply(new IncidentTriaged(INCIDENT, TriageDecision.NOT_AN_INCIDENT, "person-ref-7",
                null, "qpp-incident-response", AT)).open()).isFalse();
        assertThat(reported().apply(new IncidentTriaged(INCIDENT, TriageDecision.INCIDENT, "person-ref-7", null,
                null, AT)).status()).isEqualTo("active");
    }
}
