package io.incident.intake.idempotency;

import io.incident.intake.question.NewQuestion;
import io.incident.intake.report.NewReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestHashTest {

    @Test
    @DisplayName("the canonical form sorts members, leaves out nulls and has no whitespace")
    void canonicalForm() {
        assertThat(RequestHash.canonical(new NewReport("Checkout down", null, "payments", null, "SEV2")))
                .isEqualTo("{\"severity\":\"SEV2\",\"team\":\"payments\",\"title\":\"Checkout down\"}");
        Map<String, Object> unordered = new LinkedHashMap<>();
        unordered.put("z", List.of(1, true));
        unordered.put("a", null);
        unordered.put("m", Map.of("b", "2"));
        assertThat(RequestHash.canonical(unordered)).isEqualTo("{\"m\":{\"b\":\"2\"},\"z\":[1,true]}");
        assertThat(RequestHash.canonical(null)).isEqualTo("null");
    }

    @Test
    @DisplayName("quotes, backslashes and control characters are escaped, so no two bodies share a canonical form")
    void escaping() {
        assertThat(RequestHash.canonical(Map.of("t", "a\"b\\c\nd\u0001")))
                .isEqualTo("{\"t\":\"a\\\"b\\\\c\\nd\\u0001\"}");
        // Without quoting, title "a\",\"team\":\"b" could pass for two fields.
        assertThat(RequestHash.of(new NewReport("a\",\"team\":\"b", null, null, null, null)))
                .isNotEqualTo(RequestHash.of(new NewReport("a", null, "b", null, null)));
    }

    @Test
    @DisplayName("equal requests hash equal; a change in any field changes the hash")
    void sameAndDifferent() {
        NewReport report = new NewReport("Checkout down", "Since 09:10", "payments", "kim@example.org", "SEV2");
        String hash = RequestHash.of(report);
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(RequestHash.of(new NewReport("Checkout down", "Since 09:10", "payments", "kim@example.org",
                "SEV2"))).isEqualTo(hash);
        assertThat(RequestHash.of(new NewReport("Checkout down ", "Since 09:10", "payments", "kim@example.org",
                "SEV2"))).isNotEqualTo(hash);
        assertThat(RequestHash.of(new NewReport("Checkout down", "Since 09:10", "payments", "kim@example.org",
                null))).isNotEqualTo(hash);
        assertThat(RequestHash.of(new NewReport("Checkout down", "Since 09:10", "search", "kim@example.org",
                "SEV2"))).isNotEqualTo(hash);
    }

    @Test
    @DisplayName("an explicit null and an absent field are the same request, as the service reads them")
    void nullIsAbsent() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("title", "x");
        withNull.put("description", null);
        assertThat(RequestHash.of(withNull)).isEqualTo(RequestHash.of(Map.of("title", "x")));
    }

    @Test
    @DisplayName("times hash by instant, so two spellings of one answerBy are one request")
    void times() {
        Instant at = Instant.parse("2026-11-22T03:10:00Z");
        assertThat(RequestHash.of(new NewQuestion("payments", "Is this one?", "kim@example.org", at)))
                .isEqualTo(RequestHash.of(new NewQuestion("payments", "Is this one?", "kim@example.org",
                        Instant.parse("2026-11-22T03:10:00.000Z"))));
        assertThat(RequestHash.canonical(new NewQuestion("payments", "q", "c", at)))
                .contains("\"answerBy\":\"2026-11-22T03:10:00Z\"");
    }

    @Test
    @DisplayName("a value without one text form is refused rather than hashed by chance")
    void noCanonicalForm() {
        assertThatThrownBy(() -> RequestHash.of(Map.of("ratio", 0.1d))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestHash.of(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
