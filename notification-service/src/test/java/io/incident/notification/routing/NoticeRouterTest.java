package io.incident.notification.routing;

import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineWarned;
import io.incident.events.DocumentCreated;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentResolved;
import io.incident.events.ReportChannel;
import io.incident.events.IncidentTriaged;
import io.incident.events.Severity;
import io.incident.events.TriageDecision;
import io.incident.notification.stakeholder.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeRouterTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000042");
    private final NoticeRouter router = new NoticeRouter(new Links("http://commander.example.org/",
            "https://wiki.example.org/teams"));

    private static EventEnvelope env(IncidentEvent e) {
        return EventEnvelope.wrap(e, "/test", T);
    }

    private static IncidentContext ctx(String commander, String document) {
        return new IncidentContext(ID, "payments", "Checkout fails", Severity.SEV2, false, commander, document, true);
    }

    @Test
    @DisplayName("[Active Incident] waits for both the acknowledgement and the document, under one key whichever comes last")
    void activeNeedsBoth() {
        CommanderAcknowledged ack = new CommanderAcknowledged(ID, "person-ref-1", "payments", T);
        DocumentCreated doc = new DocumentCreated(ID, UUID.randomUUID(), "INC-1", "http://docs.example.org/d", T);
        assertThat(router.route(env(ack), ctx("person-ref-1", null))).isEmpty();
        List<Notice> afterDoc = router.route(env(doc), ctx("person-ref-1", "http://docs.example.org/d"));
        List<Notice> afterAck = router.route(env(ack), ctx("person-ref-1", "http://docs.example.org/d"));
        assertThat(afterDoc).extracting(Notice::template)
                .containsExactly("active-incident", "active-incident", "room-topic-active");
        assertThat(afterDoc).extracting(Notice::key).containsOnly("active:" + ID);
        assertThat(afterAck).extracting(Notice::key).isEqualTo(afterDoc.stream().map(Notice::key).toList());
        IncidentContext reportNotRead = new IncidentContext(ID, "payments", "Incident " + ID, Severity.SEV3, false,
                "person-ref-1", "http://docs.example.org/d", false);
        assertThat(router.route(env(doc), reportNotRead)).isEmpty();
        assertThat(afterDoc.get(0).audience()).isEqualTo(new Audience.Roles(NoticeRouter.BROADCAST, Set.of("payments"), true));
    }

    @Test
    @DisplayName("closing tells everyone affected, the room, and resets the room topic")
    void closed() {
        List<Notice> notices = router.route(env(new IncidentClosed(ID, "p", "payments", Severity.SEV2, T, T)),
                ctx("p", null));
        assertThat(notices).extracting(Notice::template).containsExactly("closed", "closed", "room-topic-reset");
        assertThat(notices.get(2).values()).containsEntry("responseTeamsUrl", "https://wiki.example.org/teams");
    }

    @Test
    @DisplayName("an incident resolved or closed before anyone took command is told whole, under one key, to the rule's audience")
    void resolvedBeforeCommand() {
        IncidentContext unattended = new IncidentContext(ID, "payments", "Checkout fails", Severity.SEV2, false, null,
                null, true, ReportChannel.ALERTMANAGER, T.minusSeconds(240), "d", List.of(), 1);
        List<Notice> resolved = router.route(env(new IncidentResolved(ID, "monitoring:ALERTMANAGER", T)), unattended);
        List<Notice> closed = router.route(env(new IncidentClosed(ID, "p", "payments", Severity.SEV2, T, T)),
                unattended);

        assertThat(resolved).extracting(Notice::template).containsExactly(StoryRule.RESOLVED_BEFORE_COMMAND, "resolved");
        assertThat(resolved.get(0).audience()).isEqualTo(new Audience.Roles(NoticeRouter.BROADCAST, Set.of("payments"),
                true));
        assertThat(resolved.get(0).values()).containsEntry("startedAt", "2026-03-02 09:56 UTC")
                .containsEntry("endedAt", "2026-03-02 10:00 UTC").containsEntry("endedBy", "monitoring:ALERTMANAGER");
        // The room's "[Resolved]" is left to the story rule: a room never told the incident was active drops it.
        assertThat(resolved.get(1).audience()).isEqualTo(new Audience.TeamRoom("payments"));
        assertThat(closed.get(0).key()).isEqualTo(resolved.get(0).key()).isEqualTo("unattended:" + ID);

        List<Notice> underCommand = router.route(env(new IncidentResolved(ID, "person-ref-1", T)),
                ctx("person-ref-1", "http://docs.example.org/d"));
        assertThat(underCommand).extracting(Notice::template).containsExactly("resolved", "resolved");
    }

    @Test
    @DisplayName("a page carries the report's evidence links and the start of its description")
    void pageCarriesTheReport() {
        IncidentContext known = new IncidentContext(ID, "payments", "Checkout fails", Severity.SEV2, false, null,
                null, true, ReportChannel.ALERTMANAGER, T, "Error rate high\nsecond line", List.of(
                "http://prometheus.example.org/graph?g0.expr=up", "https://runbooks.example.org/checkout"), 2);
        List<Notice> page = router.route(env(new CommanderPaged(ID, "payments", "person-ref-1", 1, Severity.SEV2,
                false, T.plusSeconds(300), T)), known);
        assertThat(page).singleElement().satisfies(n -> {
            assertThat(n.template()).isEqualTo("page");
            assertThat(n.audience()).isEqualTo(new Audience.Person("person-ref-1", "PAGED_IC"));
            assertThat(n.values()).containsEntry("description", "Error rate high\nsecond line")
                    .containsEntry("reports", "2").containsEntry("acknowledgeUrl",
                            "http://commander.example.org/incidents/" + ID);
            assertThat(n.values().get("evidenceLinks")).isEqualTo(List.of(
                    "http://prometheus.example.org/graph?g0.expr=up", "https://runbooks.example.org/checkout"));
        });
    }

    @Test
    @DisplayName("only exhausted escalation levels reach the product owner and CTO")
    void escalation() {
        assertThat(router.route(env(new IncidentEscalated(ID, 1, 2, "acknowledge-deadline-breached", T)), ctx(null, null)))
                .isEmpty();
        List<Notice> exhausted = router.route(env(new IncidentEscalated(ID, 3, 3, "levels-exhausted", T)), ctx(null, null));
        assertThat(exhausted).singleElement().satisfies(n -> assertThat(((Audience.Roles) n.audience()).roles())
                .containsExactlyInAnyOrder(Role.PRODUCT_OWNER, Role.CTO));
    }

    @Test
    @DisplayName("only not-an-incident and false-positive decisions with a label become tickets")
    void tickets() {
        assertThat(router.route(env(new IncidentTriaged(ID, TriageDecision.INCIDENT, "p", null, null, T)), ctx(null, null)))
                .isEmpty();
        assertThat(router.route(env(new IncidentTriaged(ID, TriageDecision.NOT_AN_INCIDENT, "p", "n",
                "qpp-incident-response", T)), ctx(null, null)))
                .singleElement().satisfies(n -> assertThat(n.audience()).isEqualTo(new Audience.Ticketing("payments")));
    }

    @Test
    @DisplayName("a breached document clock goes to the IC and the product owner; the acknowledge clock is the commander's business")
    void deadlines() {
        assertThat(router.route(env(new DeadlineBreached(ID, UUID.randomUUID(), DeadlineKind.ACKNOWLEDGE, T, T)),
                ctx("person-ref-1", null))).isEmpty();
        List<Notice> breached = router.route(env(new DeadlineBreached(ID, UUID.randomUUID(), DeadlineKind.DOCUMENT_UPDATE,
                T, T)), ctx("person-ref-1", null));
        assertThat(breached).extracting(Notice::audience).containsExactly(
                new Audience.Person("person-ref-1", "INCIDENT_COMMANDER"),
                new Audience.Roles(Set.of(Role.PRODUCT_OWNER), Set.of("payments"), false));
    }

    @Test
    @DisplayName("R-ACK-3 the triage clock warns the IC and, once breached, tells the IC and the product owner to decide or escalate")
    void triageClock() {
        Instant due = T.plusSeconds(900);
        List<Notice> warned = router.route(env(new DeadlineWarned(ID, UUID.randomUUID(), DeadlineKind.TRIAGE, due, T)),
                ctx("person-ref-1", null));
        assertThat(warned).singleElement().satisfies(n -> {
            assertThat(n.template()).isEqualTo("deadline-warned");
            assertThat(n.audience()).isEqualTo(new Audience.Person("person-ref-1", "INCIDENT_COMMANDER"));
            assertThat(n.values()).containsEntry("kind", "TRIAGE").containsEntry("clock", "Triage decision")
                    .containsEntry("dueAt", due.toString());
            assertThat((String) n.values().get("action")).contains("escalate it and keep working");
        });

        List<Notice> breached = router.route(env(new DeadlineBreached(ID, UUID.randomUUID(), DeadlineKind.TRIAGE,
                due, due)), ctx("person-ref-1", null));
        assertThat(breached).extracting(Notice::template).containsOnly("deadline-breached");
        assertThat(breached).extracting(Notice::audience).containsExactly(
                new Audience.Person("person-ref-1", "INCIDENT_COMMANDER"),
                new Audience.Roles(Set.of(Role.PRODUCT_OWNER), Set.of("payments"), false));
        assertThat(breached).allSatisfy(n -> {
            assertThat(n.values()).containsEntry("clock", "Triage decision");
            assertThat((String) n.values().get("action")).contains("Escalate it now").contains("keep working");
        });
    }
}
