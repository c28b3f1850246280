package io.incident.runtime.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OriginCheckTest {

    @Test
    @DisplayName("the same host and port is the same origin, default ports filled in")
    void sameOrigin() {
        assertThat(OriginCheck.matches("http://localhost:8082", "localhost:8082")).isTrue();
        assertThat(OriginCheck.matches("http://localhost:8082/incidents/1?x=y", "localhost:8082")).isTrue();
        assertThat(OriginCheck.matches("https://incidents.example.org", "incidents.example.org")).isTrue();
        assertThat(OriginCheck.matches("https://incidents.example.org", "incidents.example.org:443")).isTrue();
        assertThat(OriginCheck.matches("http://Incidents.Example.org", "incidents.example.org")).isTrue();
    }

    @Test
    @DisplayName("another port on the same host, another host, or no usable URL is another origin")
    void otherOrigins() {
        assertThat(OriginCheck.matches("http://localhost:8085", "localhost:8082")).isFalse();
        assertThat(OriginCheck.matches("http://evil.example.org", "incidents.example.org")).isFalse();
        assertThat(OriginCheck.matches("https://incidents.example.org", "incidents.example.org:80")).isFalse();
        assertThat(OriginCheck.matches("http://incidents.example.org.evil.example.org", "incidents.example.org"))
                .isFalse();
        assertThat(OriginCheck.matches("null", "localhost:8082")).isFalse();
        assertThat(OriginCheck.matches("not a url", "localhost:8082")).isFalse();
    }
}
