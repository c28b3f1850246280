package io.incident.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("HMAC-SHA256 signatures match the published RFC 4231 test vector")
    void signature() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    @DisplayName("chat bodies stay valid JSON whatever the text holds")
    void bodiesEscape() throws Exception {
        String nasty = "Quote \" brace } newline \n done";
        assertThat(JSON.readTree(JsonBodies.slack(nasty, nasty)).get("text").asText()).contains(nasty);
        JsonNode card = JSON.readTree(JsonBodies.teams(nasty, "body")).get("attachments").get(0).get("content");
        assertThat(card.get("version").asText()).isEqualTo("1.4");
        assertThat(card.get("body").get(0).get("text").asText()).isEqualTo(nasty);
        assertThat(JSON.readTree(JsonBodies.mattermost("s", nasty)).get("text").asText()).isEqualTo("#### s\n" + nasty);
    }

    @Test
    @DisplayName("429 and 5xx are worth retrying; other 4xx are not")
    void statusPolicy() {
        assertThat(HttpStatusPolicy.isPermanent(400)).isTrue();
        assertThat(HttpStatusPolicy.isPermanent(404)).isTrue();
        assertThat(HttpStatusPolicy.isPermanent(429)).isFalse();
        assertThat(HttpStatusPolicy.isPermanent(503)).isFalse();
        assertThat(HttpStatusPolicy.isSuccess(204)).isTrue();
    }

    @Test
    @DisplayName("an SMTP refusal of the message or recipient is final; a dialogue out of step is retried")
    void smtpReplyPolicy() {
        assertThat(EmailChannel.isPermanent(550)).isTrue();
        assertThat(EmailChannel.isPermanent(553)).isTrue();
        assertThat(EmailChannel.isPermanent(554)).isTrue();
        assertThat(EmailChannel.isPermanent(500)).isFalse();
        assertThat(EmailChannel.isPermanent(503)).isFalse();
        assertThat(EmailChannel.isPermanent(421)).isFalse();
        assertThat(EmailChannel.isPermanent(451)).isFalse();
    }
}
