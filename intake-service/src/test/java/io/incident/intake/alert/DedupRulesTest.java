package io.incident.intake.alert;

import io.incident.intake.alert.DedupRules.Decision;
import io.incident.intake.alert.DedupRules.KeyState;
import io.incident.intake.alert.DedupRules.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.incident.intake.alert.DedupRules.decide;
import static org.assertj.core.api.Assertions.assertThat;

class DedupRulesTest {

    private static final UUID INCIDENT = UUID.fromString("0b6f3c2e-6a1d-4f4e-9c53-2f7d8e1a4b01");
    private static final KeyState OPEN = new KeyState(INCIDENT, false);
    private static final KeyState ACKNOWLEDGED = new KeyState(INCIDENT, true);

    @Test
    @DisplayName("R-REP-5 a trigger with a new or resolved key opens an incident; with an open key it attaches")
    void triggers() {
        assertThat(decide(EventAction.TRIGGER, KeyState.NONE)).isEqualTo(new Decision(Outcome.OPEN, null));
        assertThat(decide(EventAction.TRIGGER, OPEN)).isEqualTo(new Decision(Outcome.ATTACH, INCIDENT));
        assertThat(decide(EventAction.TRIGGER, ACKNOWLEDGED)).isEqualTo(new Decision(Outcome.ATTACH, INCIDENT));
    }

    @Test
    @DisplayName("acknowledge and resolve apply to the open incident and are dropped when nothing is open")
    void acknowledgeAndResolve() {
        assertThat(decide(EventAction.ACKNOWLEDGE, OPEN)).isEqualTo(new Decision(Outcome.ACKNOWLEDGE, INCIDENT));
        assertThat(decide(EventAction.ACKNOWLEDGE, ACKNOWLEDGED).outcome()).isEqualTo(Outcome.DROP);
        assertThat(decide(EventAction.ACKNOWLEDGE, KeyState.NONE).outcome()).isEqualTo(Outcome.DROP);
        assertThat(decide(EventAction.RESOLVE, OPEN)).isEqualTo(new Decision(Outcome.RESOLVE, INCIDENT));
        assertThat(decide(EventAction.RESOLVE, ACKNOWLEDGED)).isEqualTo(new Decision(Outcome.RESOLVE, INCIDENT));
        assertThat(decide(EventAction.RESOLVE, KeyState.NONE).outcome()).isEqualTo(Outcome.DROP);
    }

    @Test
    @DisplayName("R-REP-5 for Alertmanager and Grafana a repeated trigger of an open key is a resend: dropped")
    void resends() {
        assertThat(decide(EventAction.TRIGGER, OPEN, DedupRules.Repeats.ARE_RESENDS).outcome())
                .isEqualTo(Outcome.DROP);
        assertThat(decide(EventAction.TRIGGER, KeyState.NONE, DedupRules.Repeats.ARE_RESENDS))
                .isEqualTo(new Decision(Outcome.OPEN, null));
        assertThat(decide(EventAction.RESOLVE, OPEN, DedupRules.Repeats.ARE_RESENDS))
                .isEqualTo(new Decision(Outcome.RESOLVE, INCIDENT));
    }
}
