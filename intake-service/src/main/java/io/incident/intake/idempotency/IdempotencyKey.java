package io.incident.intake.idempotency;

import java.util.List;
import java.util.Optional;

/**
 * The client's {@code Idempotency-Key}: an opaque string of 1 to 200 printable ASCII characters that names one
 * intended request, so the client can send it again after a timeout or a cut connection without doing it twice.
 * Pure: the rules are a function of the header's values alone.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " printable ASCII characters (space to '~')";

    public IdempotencyKey {
        whyInvalid(value).ifPresent(reason -> {
            throw new IllegalArgumentException(HEADER + " " + reason);
        });
    }

    /** Why {@code value} cannot be a key, or empty if it can. */
    public static Optional<String> whyInvalid(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is empty; " + RULE);
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("is " + value.length() + " characters long; " + RULE);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return Optional.of("has a character outside printable ASCII at position " + (i + 1) + "; " + RULE);
            }
        }
        return Optional.empty();
    }

    /** The result of reading the header: no key, a key, or why the header is unusable. */
    public record Reading(Optional<IdempotencyKey> key, Optional<String> problem) {
    }

    /**
     * Reads the header's values as received (one per header line). Absent: no key. Sent twice: refused, because
     * which of the two names the request is a guess, and a wrong guess is a duplicate incident.
     */
    public static Reading fromHeader(List<String> values) {
        if (values == null || values.isEmpty()) {
            return new Reading(Optional.empty(), Optional.empty());
        }
        if (values.size() > 1) {
            return new Reading(Optional.empty(), Optional.of("is sent " + values.size() + " times; send it once"));
        }
        String value = values.get(0);
        Optional<String> why = whyInvalid(value);
        return why.isPresent() ? new Reading(Optional.empty(), why)
                : new Reading(Optional.of(new IdempotencyKey(value)), Optional.empty());
    }
}
