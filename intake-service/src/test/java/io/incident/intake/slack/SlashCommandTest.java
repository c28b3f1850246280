package io.incident.intake.slack;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlashCommandTest {

    @Test
    @DisplayName("/incident <team>: <title> declares; in a linked channel the title alone does; verbs act in a channel")
    void parse() {
        assertThat(SlashCommand.parse("payments: Checkout returns 502", Optional.empty()))
                .isEqualTo(new SlashCommand(SlashCommand.Kind.DECLARE, "payments", "Checkout returns 502"));
        assertThat(SlashCommand.parse("Checkout returns 502", Optional.of("payments")))
                .isEqualTo(new SlashCommand(SlashCommand.Kind.DECLARE, "payments", "Checkout returns 502"));
        assertThat(SlashCommand.parse("Checkout returns 502", Optional.empty()).kind())
                .isEqualTo(SlashCommand.Kind.NEEDS_TEAM);
        assertThat(SlashCommand.parse("Checkout: returns 502", Optional.empty()).kind())
                .as("a team name is lower-case").isEqualTo(SlashCommand.Kind.NEEDS_TEAM);
        assertThat(SlashCommand.parse("", Optional.empty()).kind()).isEqualTo(SlashCommand.Kind.HELP);
        assertThat(SlashCommand.parse(" help ", Optional.of("payments")).kind()).isEqualTo(SlashCommand.Kind.HELP);
        assertThat(SlashCommand.parse("ack", Optional.empty()).kind())
                .isEqualTo(SlashCommand.Kind.IN_INCIDENT_CHANNEL);
        assertThat(SlashCommand.parse("update mitigated by rolling back", Optional.of("payments")).kind())
                .isEqualTo(SlashCommand.Kind.IN_INCIDENT_CHANNEL);
    }
}
