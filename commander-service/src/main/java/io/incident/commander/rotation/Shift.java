package io.incident.commander.rotation;

import java.time.Instant;

/** A person on call from {@code start} (inclusive) to {@code end} (exclusive). */
public record Shift(String personRef, Instant start, Instant end) {
}
