package io.incident.notification.routing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisclosureTest {

    @Test
    @DisplayName("a security incident's title is only for the restricted audience")
    void securityTitle() {
        assertThat(Disclosure.title("Data leak in billing", true, true)).isEqualTo("Data leak in billing");
        assertThat(Disclosure.title("Data leak in billing", true, false)).isEqualTo(Disclosure.RESTRICTED_TITLE);
        assertThat(Disclosure.title("Checkout slow", false, false)).isEqualTo("Checkout slow");
    }

    @Test
    @DisplayName("e-mail addresses and phone numbers are blanked for everyone else; ids, times and URLs survive")
    void redaction() {
        String text = "Ask jane.roe@example.org or call +49 30 1234567 or (030) 123 4567 about "
                + "7d1c3a52-0000-4000-8000-000000000001 at 2026-01-01T10:05:00Z, see https://docs.example.org/x";
        assertThat(Disclosure.redact(text, false)).isEqualTo("Ask [redacted] or call [redacted] or [redacted] about "
                + "7d1c3a52-0000-4000-8000-000000000001 at 2026-01-01T10:05:00Z, see https://docs.example.org/x");
        assertThat(Disclosure.redact(text, true)).isEqualTo(text);
    }

    @Test
    @DisplayName("a security incident's description and evidence links are only for the restricted audience")
    void securityDetails() {
        java.util.List<String> links = java.util.List.of("https://logs.example.org/search?q=export");
        assertThat(Disclosure.details("Dump in the bucket", true, false)).isEqualTo(Disclosure.RESTRICTED_DETAILS);
        assertThat(Disclosure.details("Dump in the bucket", true, true)).isEqualTo("Dump in the bucket");
        assertThat(Disclosure.details("Checkout slow", false, false)).isEqualTo("Checkout slow");
        assertThat(Disclosure.links(links, true, false)).isEmpty();
        assertThat(Disclosure.links(links, true, true)).isEqualTo(links);
        assertThat(Disclosure.links(links, false, false)).isEqualTo(links);
    }
}
