package io.incident.events;

import io.incident.events.contract.EventSamples;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The family an event implements decides its topic, and topic names are shared with deployments and consumers. */
class TopicsTest {

    // Literal topic names, not the constants: a renamed topic strands every consumer subscribed to the old one.
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(Named.of("ReportEvent", ReportEvent.class), AcknowledgeRequested.class, "incident.reports"),
                Arguments.of(Named.of("LifecycleEvent", LifecycleEvent.class), IncidentClosed.class, "incident.lifecycle"),
                Arguments.of(Named.of("DeadlineEvent", DeadlineEvent.class), DeadlineMet.class, "incident.deadlines"),
                Arguments.of(Named.of("NotificationEvent", NotificationEvent.class), TicketRecorded.class,
                        "incident.notifications"),
                Arguments.of(Named.of("DocumentEvent", DocumentEvent.class), PostmortemPublished.class,
                        "incident.documents"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void eachFamilyHasItsTopic(Class<? extends IncidentEvent> family, Class<? extends IncidentEvent> member,
                               String topic) {
        assertThat(Topics.of(family)).isEqualTo(topic);
        assertThat(Topics.of(member)).isEqualTo(topic);
        assertThat(Topics.of(EventSamples.of(member))).isEqualTo(topic);
    }

    @Test
    void anEventOutsideEveryFamilyHasNoTopic() {
        assertThatThrownBy(() -> Topics.of(IncidentEvent.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
