package io.incident.intake.integration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationKeysTest {

    @Test
    @DisplayName("a key is 32 lower-case hex characters, like a PagerDuty routing key, and never repeats")
    void keysLookLikeRoutingKeys() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String key = IntegrationKeys.generate();
            assertThat(key).hasSize(32).matches("[0-9a-f]{32}");
            assertThat(IntegrationKeys.isWellFormed(key)).isTrue();
            keys.add(key);
        }
        assertThat(keys).hasSize(1_000);
    }

    @Test
    @DisplayName("every byte of randomness shows in the key: two sources give two keys")
    void keyComesFromTheRandomSource() {
        assertThat(IntegrationKeys.generate(new Random(1))).isEqualTo(IntegrationKeys.generate(new Random(1)))
                .isNotEqualTo(IntegrationKeys.generate(new Random(2)));
    }

    @Test
    @DisplayName("the stored form is the SHA-256 of the key, never the key")
    void hash() {
        assertThat(IntegrationKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String key = IntegrationKeys.generate();
        assertThat(IntegrationKeys.hash(key)).hasSize(64).isNotEqualTo(key).doesNotContain(key)
                .isEqualTo(IntegrationKeys.hash(key));
    }

    @Test
    @DisplayName("only 32 lower-case hex characters are a well-formed key")
    void wellFormed() {
        assertThat(IntegrationKeys.isWellFormed("0123456789abcdef0123456789abcdef")).isTrue();
        assertThat(IntegrationKeys.isWellFormed("0123456789ABCDEF0123456789ABCDEF")).isFalse();
        assertThat(IntegrationKeys.isWellFormed("0123456789abcdef")).isFalse();
        assertThat(IntegrationKeys.isWellFormed("0123456789abcdef0123456789abcdeg")).isFalse();
        assertThat(IntegrationKeys.isWellFormed(null)).isFalse();
    }
}
