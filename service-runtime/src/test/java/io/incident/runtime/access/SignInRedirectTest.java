package io.incident.runtime.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRedirectTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    @DisplayName("a browser asking for a page is sent to sign in; scripts, API clients and changes are not")
    void whoIsRedirected() {
        assertThat(SignInRedirect.wantsPage("GET", BROWSER, null)).isTrue();
        assertThat(SignInRedirect.wantsPage("HEAD", "TEXT/HTML", null)).isTrue();
        assertThat(SignInRedirect.wantsPage("GET", "*/*", null)).as("curl").isFalse();
        assertThat(SignInRedirect.wantsPage("GET", "application/json", null)).isFalse();
        assertThat(SignInRedirect.wantsPage("GET", null, null)).isFalse();
        assertThat(SignInRedirect.wantsPage("GET", BROWSER, "Bearer x")).as("a refused token stays refused").isFalse();
        assertThat(SignInRedirect.wantsPage("POST", BROWSER, null)).as("a form post is not replayed").isFalse();
    }

    @Test
    @DisplayName("the page wanted comes back after sign-in, but only a path on this service")
    void next() {
        assertThat(SignInRedirect.location("/incidents/42?tab=timeline"))
                .isEqualTo("/session?next=%2Fincidents%2F42%3Ftab%3Dtimeline");
        assertThat(SignInRedirect.location("/")).isEqualTo("/session");
        assertThat(SignInRedirect.safeNext("/dashboard")).isEqualTo("/dashboard");
        for (String away : new String[]{null, "", "https://evil.example.net/", "//evil.example.net", "/\\evil",
                "evil", "/session?next=/x", "/a\r\nSet-Cookie: x=1"}) {
            assertThat(SignInRedirect.safeNext(away)).as(String.valueOf(away)).isEqualTo("/");
        }
    }
}
