package io.incident.runtime.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ActionLinkTest {

    private static final String SECRET = "a-shared-secret";
    private final ActionLink link = new ActionLink("acknowledge", UUID.randomUUID(), "ana-ic",
            Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    @DisplayName("a signed link verifies until it expires; a changed or foreign one never does")
    void signAndVerify() {
        String token = link.token(SECRET);
        ActionLink.Verdict ok = ActionLink.verify(SECRET, token, Instant.parse("2026-12-01T09:59:59Z"));
        assertThat(ok.link()).contains(link);

        ActionLink.Verdict late = ActionLink.verify(SECRET, token, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(late.link()).isEmpty();
        assertThat(late.expired()).isTrue();

        assertThat(ActionLink.verify("another-secret", token, Instant.EPOCH).link()).isEmpty();
        String otherPerson = new ActionLink("acknowledge", link.incidentId(), "mallory", link.expiresAt())
                .token("guess");
        String forged = otherPerson.substring(0, otherPerson.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(ActionLink.verify(SECRET, forged, Instant.EPOCH).refusal()).contains("not issued");
        assertThat(ActionLink.verify(SECRET, "garbage", Instant.EPOCH).link()).isEmpty();
        assertThat(ActionLink.verify(SECRET, "!!.??", Instant.EPOCH).refusal()).contains("damaged");
        assertThat(ActionLink.digest(token)).hasSize(64).doesNotContain(token);
    }
}
