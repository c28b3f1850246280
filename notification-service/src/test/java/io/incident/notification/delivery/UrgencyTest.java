package io.incident.notification.delivery;

import io.incident.notification.template.TemplateStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrgencyTest {

    @Test
    @DisplayName("notices someone must act on now are urgent; news about an incident's course is routine")
    void urgentTemplates() {
        assertThat(Urgency.of("page")).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.of("blocker")).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.of("escalation-exhausted")).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.of("handoff-disputed")).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.of("deadline-warned")).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.of("deadline-breached")).isEqualTo(Urgency.URGENT);
        for (String routine : new String[] {"active-incident", "room-topic-active", "room-topic-reset", "resolved",
                "closed", "close-proposed", "leadership-update", "handoff-completed", "security-form",
                "reporter-reply", "ticket"}) {
            assertThat(Urgency.of(routine)).as(routine).isEqualTo(Urgency.ROUTINE);
        }
        assertThat(Urgency.of("no-such-template")).isEqualTo(Urgency.ROUTINE);
        assertThat(Urgency.of(null)).isEqualTo(Urgency.ROUTINE);
    }

    @Test
    @DisplayName("every shipped template is decided, and urgent sorts before routine in the claim's ascending order")
    void everyTemplateDecidedAndOrdered() {
        assertThat(TemplateStore.NAMES.stream().filter(n -> Urgency.of(n) == Urgency.URGENT))
                .containsExactlyInAnyOrder("page", "blocker", "escalation-exhausted", "handoff-disputed",
                        "deadline-warned", "deadline-breached");
        assertThat(Urgency.URGENT.priority).isLessThan(Urgency.ROUTINE.priority);
    }
}
