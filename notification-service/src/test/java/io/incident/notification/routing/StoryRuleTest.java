package io.incident.notification.routing;

import io.incident.notification.channel.ChannelKind;
import io.incident.notification.delivery.Addressee;
import io.incident.notification.delivery.PlannedDelivery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StoryRuleTest {

    private static final UUID ID = UUID.randomUUID();

    private static PlannedDelivery to(String template, ChannelKind channel, String recipient) {
        return new PlannedDelivery("k", ID, recipient, channel, "PRODUCT_OWNER", template, "s", "b");
    }

    @Test
    @DisplayName("an ending goes only to recipients told earlier, on the same channel")
    void endingsNeedAnEarlierNotice() {
        List<PlannedDelivery> planned = List.of(to("resolved", ChannelKind.EMAIL, "told@example.org"),
                to("resolved", ChannelKind.EMAIL, "never-told@example.org"),
                to("resolved", ChannelKind.SLACK, "told@example.org"));
        Set<Addressee> told = Set.of(new Addressee(ChannelKind.EMAIL, "told@example.org"));

        for (String ending : List.of("resolved", "closed", "close-proposed", "room-topic-reset")) {
            assertThat(StoryRule.keep(ending, planned, told)).as(ending).singleElement()
                    .satisfies(p -> assertThat(p.recipient()).isEqualTo("told@example.org"));
        }
    }

    @Test
    @DisplayName("the start of a story and the resolved-before-command notice need no earlier notice")
    void othersPass() {
        List<PlannedDelivery> planned = List.of(to("x", ChannelKind.EMAIL, "a@example.org"));
        for (String t : List.of("active-incident", "blocker", "page", StoryRule.RESOLVED_BEFORE_COMMAND)) {
            assertThat(StoryRule.keep(t, planned, Set.of())).as(t).hasSize(1);
        }
    }

    @Test
    @DisplayName("endings and the resolved-before-command notice do not count as having told anyone")
    void whatDoesNotTell() {
        assertThat(StoryRule.NOT_TELLING).contains("resolved", "closed", "close-proposed", "room-topic-reset",
                StoryRule.RESOLVED_BEFORE_COMMAND).doesNotContain("active-incident", "blocker", "deadline-breached");
    }
}
