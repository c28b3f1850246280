package io.incident.intake.idempotency;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @Test
    @DisplayName("a UUID, a 1-character and a 200-character key of printable ASCII are keys")
    void validKeys() {
        assertThat(IdempotencyKey.whyInvalid("8e03978e-40d5-43e8-bc93-6894a57f9324")).isEmpty();
        assertThat(IdempotencyKey.whyInvalid("x")).isEmpty();
        assertThat(IdempotencyKey.whyInvalid("k".repeat(200))).isEmpty();
        assertThat(IdempotencyKey.whyInvalid("report 42 ~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")).isEmpty();
    }

    @Test
    @DisplayName("empty, over 200 characters, control characters and non-ASCII are not keys")
    void invalidKeys() {
        assertThat(IdempotencyKey.whyInvalid("")).hasValueSatisfying(r -> assertThat(r).contains("empty"));
        assertThat(IdempotencyKey.whyInvalid(null)).isPresent();
        assertThat(IdempotencyKey.whyInvalid("k".repeat(201))).hasValueSatisfying(r -> assertThat(r).contains("201"));
        assertThat(IdempotencyKey.whyInvalid("a\tb")).hasValueSatisfying(r -> assertThat(r).contains("position 2"));
        assertThat(IdempotencyKey.whyInvalid("a\u007fb")).isPresent();
        assertThat(IdempotencyKey.whyInvalid("schl\u00fcssel")).hasValueSatisfying(r -> assertThat(r).contains("position 5"));
        assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    @DisplayName("the header absent is no key; sent once it is the key; sent twice it is refused")
    void header() {
        assertThat(IdempotencyKey.fromHeader(null).key()).isEmpty();
        assertThat(IdempotencyKey.fromHeader(null).problem()).isEmpty();
        assertThat(IdempotencyKey.fromHeader(List.of()).key()).isEmpty();
        assertThat(IdempotencyKey.fromHeader(List.of("abc")).key()).contains(new IdempotencyKey("abc"));
        assertThat(IdempotencyKey.fromHeader(List.of("abc", "abc")).problem())
                .hasValueSatisfying(r -> assertThat(r).contains("2 times"));
        assertThat(IdempotencyKey.fromHeader(List.of("")).problem()).isPresent();
        assertThat(IdempotencyKey.fromHeader(List.of("")).key()).isEmpty();
    }
}
