package io.incident.intake.question;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

    private static NewQuestion q(Instant answerBy) {
        return new NewQuestion("payments", "Is this an incident?", "robin.asker@example.org", answerBy);
    }

    @Test
    @DisplayName("a question needs a valid team, text and contact")
    void required() {
        assertThat(QuestionRules.check(q(null), NOW)).isEmpty();
        assertThat(QuestionRules.check(new NewQuestion("Pay ments", "", null, null), NOW))
                .extracting(QuestionRules.Violation::field).containsExactly("team", "text", "contact");
        assertThat(QuestionRules.check(null, NOW)).extracting(QuestionRules.Violation::field).containsExactly("body");
    }

    @Test
    @DisplayName("R-REP-7 the asker may need the answer sooner than 15 minutes, never later")
    void answerBy() {
        assertThat(QuestionRules.answerBy(q(null), NOW)).isEqualTo(NOW.plus(ofMinutes(15)));
        assertThat(QuestionRules.answerBy(q(NOW.plus(ofMinutes(5))), NOW)).isEqualTo(NOW.plus(ofMinutes(5)));
        assertThat(QuestionRules.check(q(NOW.plus(ofMinutes(15))), NOW)).isEmpty();
        assertThat(QuestionRules.check(q(NOW.plus(ofMinutes(16))), NOW))
                .extracting(QuestionRules.Violation::field).containsExactly("answerBy");
        assertThat(QuestionRules.check(q(NOW), NOW)).extracting(QuestionRules.Violation::field)
                .containsExactly("answerBy");
    }

    @Test
    @DisplayName("an answer says whether it is an incident, and why")
    void answers() {
        assertThat(QuestionRules.check(new NewAnswer(false, "A known batch job"))).isEmpty();
        assertThat(QuestionRules.check(new NewAnswer(null, " "))).extracting(QuestionRules.Violation::field)
                .containsExactly("incident", "answer");
    }

    @Test
    @DisplayName("the incident a question becomes is titled by the question's first line")
    void title() {
        assertThat(QuestionRules.title("\n  Refunds are slow.\nSince 09:00.")).isEqualTo("Question: Refunds are slow.");
        assertThat(QuestionRules.title("x".repeat(500))).hasSize("Question: ".length() + 200).endsWith("…");
    }
}
