package io.incident.intake.slack;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlackSignatureTest {

    /** The example in Slack's "Verifying requests from Slack". */
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id="
            + "G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&"
            + "response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskX"
            + "aIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static Optional<String> check(String timestamp, String signature, String body, long nowSeconds) {
        return SlackSignature.refusal(SECRET, timestamp, signature, body.getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochSecond(nowSeconds));
    }

    @Test
    @DisplayName("Slack's documented example verifies; a changed body, another secret or a stale timestamp do not")
    void slacksExample() {
        long now = Long.parseLong(TIMESTAMP) + 60;
        assertThat(check(TIMESTAMP, SIGNATURE, BODY, now)).isEmpty();
        assertThat(check(TIMESTAMP, SIGNATURE, BODY.replace("roadrunner", "coyote"), now)).get().asString()
                .contains("does not match");
        assertThat(SlackSignature.refusal("another-secret", TIMESTAMP, SIGNATURE, BODY.getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochSecond(now))).isPresent();
        assertThat(check(TIMESTAMP, SIGNATURE, BODY, Long.parseLong(TIMESTAMP) + 301)).get().asString()
                .contains("5 minutes");
        assertThat(check(null, SIGNATURE, BODY, now)).isPresent();
        assertThat(check("yesterday", SIGNATURE, BODY, now)).isPresent();
    }
}
