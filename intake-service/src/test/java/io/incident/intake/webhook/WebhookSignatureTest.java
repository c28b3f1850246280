package io.incident.intake.webhook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"title\":\"Disk full on db-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("the signature is HMAC-SHA256 of the raw body, hex, prefixed sha256=")
    void knownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    @DisplayName("a right signature passes; a wrong, missing or other-body signature does not")
    void verify() {
        String signature = WebhookSignature.sign("s3cret", BODY);
        assertThat(WebhookSignature.verify("s3cret", BODY, signature)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", BODY, signature.toUpperCase().replace("SHA256=", "sha256=")))
                .as("hex case does not matter").isTrue();
        assertThat(WebhookSignature.verify("other", BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", BODY, null)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", BODY, signature.substring(7))).as("without prefix").isFalse();
    }
}
