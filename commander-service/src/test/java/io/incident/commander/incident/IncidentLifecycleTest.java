package io.incident.commander.incident;

import io.incident.events.BlockerRaised;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.HandOffDisputed;
import io.incident.events.HandOffProposed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.LifecycleEvent;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.events.TriageDecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertAll;

/** The lifecycle state machine on the aggregate, with no framework: every legal and illegal transition. */
class IncidentLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private static Incident reported() {
        Incident i = Incident.open(new IncidentReported(UUID.randomUUID(), UUID.randomUUID(), "payments",
                "Checkout fails", "502s", ReportChannel.REST, Severity.SEV2, true, false, false, null, "rep-1",
                List.of(), List.of(), T0), T0);
        i.page(1, List.of("ana"), T0, T0.plus(Duration.ofMinutes(5)), T0);
        return i;
    }

    private static Incident commanded() {
        Incident i = reported();
        i.acknowledge("ana", "payments", null, T0.plusSeconds(60));
        return i;
    }

    private static Incident mitigated() {
        Incident i = commanded();
        i.mitigate("ana", false, T0.plusSeconds(120));
        return i;
    }

    private static Incident resolved() {
        Incident i = mitigated();
        i.resolve("ana", false, T0.plusSeconds(180));
        return i;
    }

    private static Incident closed() {
        Incident i = resolved();
        i.proposeClose("ana", false, WINDOW, T0.plusSeconds(200));
        i.close("ana", false, T0.plusSeconds(200).plus(WINDOW));
        return i;
    }

    private static void conflict(Executable action) {
        assertThatThrownBy(action::execute).isInstanceOf(LifecycleConflict.class);
    }

    @Nested
    @DisplayName("legal transitions")
    class Legal {

        @Test
        @DisplayName("R-ACK-2 a page records who was paged at which level and by when they must acknowledge")
        void page() {
            Incident i = Incident.open(new IncidentReported(UUID.randomUUID(), UUID.randomUUID(), "si", "Site down",
                    "all", ReportChannel.EMAIL, Severity.SEV1, true, true, true, null, "rep", List.of(), List.of(), T0),
                    T0);
            List<LifecycleEvent> events = i.page(1, List.of("ana", "ben"), T0, T0.plusSeconds(300), T0);
            assertThat(events).containsExactly(
                    new CommanderPaged(i.id, "si", "ana", 1, Severity.SEV1, true, T0.plusSeconds(300), T0),
                    new CommanderPaged(i.id, "si", "ben", 1, Severity.SEV1, true, T0.plusSeconds(300), T0));
            assertThat(i.paged).containsExactly("ana", "ben");
        }

        @Test
        @DisplayName("R-ACK-1 triage as an incident keeps paging; not an incident or false positive records a ticket")
        void triage() {
            Incident incident = reported();
            assertThat(incident.triage("ana", false, TriageDecision.INCIDENT, null, T0)).containsExactly(
                    new IncidentTriaged(incident.id, TriageDecision.INCIDENT, "ana", null, null, T0));
            assertThat(incident.state).isEqualTo(Incident.State.TRIAGED);
            assertThat(incident.awaitingAcknowledgement()).isTrue();

            for (TriageDecision d : List.of(TriageDecision.NOT_AN_INCIDENT, TriageDecision.FALSE_POSITIVE)) {
                Incident i = reported();
                assertThat(i.triage("ana", false, d, "alert threshold too low", T0)).containsExactly(
                        new IncidentTriaged(i.id, d, "ana", "alert threshold too low", "qpp-incident-response", T0));
                assertThat(i.awaitingAcknowledgement()).isFalse();
                assertThat(i.escalatesOn(T0.plusSeconds(300))).isFalse();
            }
        }

        @Test
        @DisplayName("R-CMD-1 the paged person acknowledges an untriaged page: triaged as an incident and commanded")
        void acknowledgeFromReported() {
            Incident i = reported();
            Instant at = T0.plusSeconds(60);
            List<LifecycleEvent> events = i.acknowledge("ana", "payments", Severity.SEV1, at);
            assertThat(events).containsExactly(
                    new IncidentTriaged(i.id, TriageDecision.INCIDENT, "ana", "acknowledged", null, at),
                    new CommanderAcknowledged(i.id, "ana", "payments", at),
                    new SeverityChanged(i.id, Severity.SEV2, Severity.SEV1, "ana", "set at declaration", at));
            assertThat(i.state).isEqualTo(Incident.State.COMMANDED);
            assertThat(i.commander).isEqualTo("ana");
        }

        @Test
        @DisplayName("R-CMD-1 acknowledging a page triaged as an incident")
        void acknowledgeFromTriaged() {
            Incident i = reported();
            i.triage("ana", false, TriageDecision.INCIDENT, null, T0);
            assertThat(i.acknowledge("ana", null, null, T0)).containsExactly(
                    new CommanderAcknowledged(i.id, "ana", "payments", T0));
        }

        @Test
        @DisplayName("R-DOC-3 commanded → mitigated → resolved → (proposal, window) → closed")
        void throughToClose() {
            Incident i = commanded();
            assertThat(i.mitigate("ana", false, T0)).containsExactly(new IncidentMitigated(i.id, "ana", T0));
            assertThat(i.resolve("ana", false, T0)).containsExactly(new IncidentResolved(i.id, "ana", T0));
            assertThat(i.proposeClose("ana", false, WINDOW, T0)).containsExactly(
                    new CloseProposed(i.id, "ana", T0.plus(WINDOW), T0));
            assertThat(i.close("ana", false, T0.plus(WINDOW))).containsExactly(
                    new IncidentClosed(i.id, "ana", "payments", Severity.SEV2, T0, T0.plus(WINDOW)));
            assertThat(i.state).isEqualTo(Incident.State.CLOSED);
        }

        @Test
        @DisplayName("an incident may be resolved straight from commanded")
        void resolveWithoutMitigation() {
            Incident i = commanded();
            i.resolve("ana", false, T0);
            assertThat(i.state).isEqualTo(Incident.State.RESOLVED);
        }

        @Test
        @DisplayName("R-SEC-2 the IC or an admin changes the severity")
        void severity() {
            Incident i = commanded();
            assertThat(i.changeSeverity("ana", false, Severity.SEV1, "users affected", T0)).containsExactly(
                    new SeverityChanged(i.id, Severity.SEV2, Severity.SEV1, "ana", "users affected", T0));
            assertThat(i.changeSeverity("admin", true, Severity.SEV3, "contained", T0)).hasSize(1);
            assertThat(i.severity).isEqualTo("SEV3");
            assertThatThrownBy(() -> i.changeSeverity("ben", false, Severity.SEV1, "no", T0))
                    .isInstanceOf(NotPermitted.class);
        }

        @Test
        @DisplayName("R-CMD-4 a participant raises a blocker; someone outside the incident may not")
        void blocker() {
            Incident i = commanded();
            assertThat(i.raiseBlocker("ana", false, "Need DB admin access", T0)).containsExactly(
                    new BlockerRaised(i.id, "ana", "Need DB admin access", T0));
            assertThatThrownBy(() -> i.raiseBlocker("stranger", false, "x", T0)).isInstanceOf(NotPermitted.class);
        }

        @Test
        @DisplayName("R-CMD-6 hand-off: the old IC keeps command until the new IC accepts")
        void handOff() {
            Incident i = commanded();
            assertThat(i.proposeHandOff("ana", false, "ben", "checkout", T0)).containsExactly(
                    new HandOffProposed(i.id, "ana", "ben", "checkout", T0));
            assertThat(i.commander).isEqualTo("ana");
            assertThatThrownBy(() -> i.acceptHandOff("cleo", T0)).isInstanceOf(NotPermitted.class);
            assertThat(i.acceptHandOff("ben", T0)).containsExactly(
                    new CommandHandedOff(i.id, "ana", "ben", "checkout", T0));
            assertThat(i.commander).isEqualTo("ben");
            assertThat(i.team).isEqualTo("checkout");
        }

        @Test
        @DisplayName("R-CMD-6 a disputed hand-off keeps the old IC and tells all product owners and the CTO")
        void handOffDisputed() {
            Incident i = commanded();
            i.proposeHandOff("ana", false, "ben", "checkout", T0);
            assertThat(i.disputeHandOff("ben", false, "not our service", T0)).containsExactly(
                    new HandOffDisputed(i.id, "payments", "checkout", "not our service", T0));
            assertThat(i.commander).isEqualTo("ana");
            conflict(() -> i.acceptHandOff("ben", T0));
        }

        @Test
        @DisplayName("R-CLS-1 an objection keeps the incident open until a new proposal passes its window")
        void objection() {
            Incident i = resolved();
            i.proposeClose("ana", false, WINDOW, T0);
            assertThat(i.objectToClose("ben", "errors still high", T0.plusSeconds(60))).containsExactly(
                    new CloseObjected(i.id, "ben", "errors still high", T0.plusSeconds(60)));
            conflict(() -> i.close("ana", false, T0.plus(WINDOW)));
            assertThat(i.timeline).anyMatch(e -> "errors still high".equals(e.text));
            i.proposeClose("ana", false, WINDOW, T0.plus(WINDOW));
            assertThat(i.close("ana", false, T0.plus(WINDOW).plus(WINDOW))).hasSize(1);
        }

        @Test
        @DisplayName("R-ACK-2 only a breach of the level paged last escalates")
        void staleBreaches() {
            Incident i = reported();
            Instant due1 = T0.plusSeconds(300);
            assertThat(i.escalatesOn(due1)).isTrue();
            List<LifecycleEvent> events = i.escalate(2, List.of("ben"), due1, Duration.ofMinutes(10), due1);
            assertThat(events.get(0)).isEqualTo(new IncidentEscalated(i.id, 1, 2, "acknowledge-deadline-breached",
                    due1));
            assertThat(events.get(1)).isEqualTo(new CommanderPaged(i.id, "payments", "ben", 2, Severity.SEV2, false,
                    due1.plus(Duration.ofMinutes(10)), due1));
            assertThat(i.escalatesOn(due1)).as("level 1's clock again").isFalse();
            assertThat(i.escalatesOn(due1.plus(Duration.ofMinutes(10)))).isTrue();
            i.exhaustLevels(due1);
            assertThat(i.escalatesOn(due1.plus(Duration.ofMinutes(10)))).isFalse();
        }

        @Test
        @DisplayName("a monitoring tool's resolve resolves an incident nobody commands, and is a note otherwise")
        void toolResolve() {
            Incident waiting = reported();
            assertThat(waiting.resolveRequested(ReportChannel.PAGERDUTY, T0, T0)).containsExactly(
                    new IncidentResolved(waiting.id, "monitoring:PAGERDUTY", T0));
            assertThat(waiting.escalatesOn(T0.plusSeconds(300))).isFalse();

            Incident commanded = commanded();
            assertThat(commanded.resolveRequested(ReportChannel.PAGERDUTY, T0, T0)).isEmpty();
            assertThat(commanded.state).isEqualTo(Incident.State.COMMANDED);
        }

        @Test
        @DisplayName("R-CMD-8 before anyone acknowledges, a paged person routes the incident to another team")
        void route() {
            Incident i = reported();
            i.route("ana", false, "checkout", T0);
            assertThat(i.team).isEqualTo("checkout");
            assertThat(i.escalationLevel).isZero();
            assertThat(i.acknowledgeBy).isNull();
            assertThatThrownBy(() -> reported().route("stranger", false, "checkout", T0))
                    .isInstanceOf(NotPermitted.class);
            conflict(() -> commanded().route("ana", false, "checkout", T0));
        }

        @Test
        @DisplayName("a monitoring tool's acknowledge is a note: a tool cannot become IC")
        void toolAcknowledge() {
            Incident i = reported();
            i.acknowledgeRequested(ReportChannel.PAGERDUTY, T0);
            assertThat(i.commander).isNull();
            assertThat(i.state).isEqualTo(Incident.State.REPORTED);
            assertThat(i.timeline).anyMatch(e -> e.kind.equals("tool-acknowledged"));
        }
    }

    @Nested
    @DisplayName("illegal transitions")
    class Illegal {

        @Test
        @DisplayName("R-CMD-1 a second acknowledgement is refused, naming who has command")
        void secondAcknowledge() {
            Incident i = commanded();
            i.paged.add("ben");
            assertThatThrownBy(() -> i.acknowledge("ben", null, null, T0)).isInstanceOf(LifecycleConflict.class)
                    .hasMessageContaining("ana")
                    .satisfies(e -> assertThat(((LifecycleConflict) e).commander()).isEqualTo("ana"));
        }

        @Test
        @DisplayName("R-CMD-1 only a paged person can acknowledge")
        void notPaged() {
            assertThatThrownBy(() -> reported().acknowledge("stranger", null, null, T0))
                    .isInstanceOf(NotPermitted.class);
            assertThatThrownBy(() -> reported().triage("stranger", false, TriageDecision.INCIDENT, null, T0))
                    .isInstanceOf(NotPermitted.class);
        }

        @Test
        @DisplayName("R-ACK-1 a dismissed alert cannot be acknowledged or triaged again")
        void dismissed() {
            Incident i = reported();
            i.triage("ana", false, TriageDecision.FALSE_POSITIVE, null, T0);
            conflict(() -> i.acknowledge("ana", null, null, T0));
            conflict(() -> i.triage("ana", false, TriageDecision.INCIDENT, null, T0));
        }

        @Test
        @DisplayName("actions out of order are refused with the current state")
        void outOfOrder() {
            assertAll(
                    () -> conflict(() -> reported().mitigate("ana", true, T0)),
                    () -> conflict(() -> reported().resolve("ana", true, T0)),
                    () -> conflict(() -> reported().proposeClose("ana", true, WINDOW, T0)),
                    () -> conflict(() -> reported().close("ana", true, T0)),
                    () -> conflict(() -> reported().changeSeverity("ana", true, Severity.SEV1, null, T0)),
                    () -> conflict(() -> reported().proposeHandOff("ana", true, "ben", "x", T0)),
                    () -> conflict(() -> reported().raiseBlocker("ana", true, "x", T0)),
                    () -> conflict(() -> commanded().triage("ana", true, TriageDecision.INCIDENT, null, T0)),
                    () -> conflict(() -> commanded().proposeClose("ana", false, WINDOW, T0)),
                    () -> conflict(() -> commanded().close("ana", false, T0)),
                    () -> conflict(() -> commanded().objectToClose("ben", "x", T0)),
                    () -> conflict(() -> commanded().acceptHandOff("ben", T0)),
                    () -> conflict(() -> mitigated().mitigate("ana", false, T0)),
                    () -> conflict(() -> resolved().mitigate("ana", false, T0)),
                    () -> conflict(() -> resolved().resolve("ana", false, T0)),
                    () -> conflict(() -> resolved().raiseBlocker("ana", false, "x", T0)),
                    () -> conflict(() -> resolved().objectToClose("ben", "x", T0)),
                    () -> conflict(() -> closed().proposeClose("ana", false, WINDOW, T0)),
                    () -> conflict(() -> closed().close("ana", false, T0)),
                    () -> conflict(() -> closed().changeSeverity("ana", false, Severity.SEV1, null, T0)),
                    () -> conflict(() -> closed().acknowledge("ana", null, null, T0)),
                    () -> conflict(() -> closed().mitigate("ana", false, T0)),
                    () -> conflict(() -> closed().page(2, List.of("ben"), T0, T0, T0)));
        }

        @Test
        @DisplayName("R-CLS-1 closing before the objection window ends, or objecting after it, is refused")
        void window() {
            Incident i = resolved();
            i.proposeClose("ana", false, WINDOW, T0);
            conflict(() -> i.close("ana", false, T0.plus(WINDOW).minusMillis(1)));
            conflict(() -> i.objectToClose("ben", "late", T0.plus(WINDOW)));
        }

        @Test
        @DisplayName("only the IC or an admin hands off, mitigates, resolves, proposes or closes")
        void onlyTheIc() {
            assertAll(
                    () -> assertThatThrownBy(() -> commanded().mitigate("ben", false, T0))
                            .isInstanceOf(NotPermitted.class),
                    () -> assertThatThrownBy(() -> commanded().resolve("ben", false, T0))
                            .isInstanceOf(NotPermitted.class),
                    () -> assertThatThrownBy(() -> commanded().proposeHandOff("ben", false, "cleo", "x", T0))
                            .isInstanceOf(NotPermitted.class),
                    () -> assertThatThrownBy(() -> resolved().proposeClose("ben", false, WINDOW, T0))
                            .isInstanceOf(NotPermitted.class));
            Incident i = resolved();
            i.proposeClose("ana", false, WINDOW, T0);
            assertThatThrownBy(() -> i.close("ben", false, T0.plus(WINDOW))).isInstanceOf(NotPermitted.class);
            assertThat(i.close("admin", true, T0.plus(WINDOW))).hasSize(1);
        }

        @Test
        @DisplayName("R-CMD-6 a second hand-off proposal while one waits, or to the IC, is refused")
        void handOffTwice() {
            Incident i = commanded();
            conflict(() -> i.proposeHandOff("ana", false, "ana", "payments", T0));
            i.proposeHandOff("ana", false, "ben", "checkout", T0);
            conflict(() -> i.proposeHandOff("ana", false, "cleo", "checkout", T0));
        }
    }

    @Test
    @DisplayName("security incidents are visible to the security role and participants only")
    void visibility() {
        Incident i = reported();
        i.security = true;
        assertThat(i.visibleTo("ana", false)).isTrue();
        assertThat(i.visibleTo("stranger", false)).isFalse();
        assertThat(i.visibleTo(null, false)).isFalse();
        assertThat(i.visibleTo("stranger", true)).isTrue();
    }
}
