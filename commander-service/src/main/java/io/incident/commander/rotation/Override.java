package io.incident.commander.rotation;

import java.time.Instant;

/**
 * A change to who is on call between {@code from} and {@code to}. ADD puts {@code personRef} beside whoever is on
 * call; REPLACE puts {@code personRef} in place of {@code replaces} (or of everyone, when {@code replaces} is
 * empty); REMOVE takes {@code personRef} off call. Overlapping overrides apply in the order they were made.
 */
public record Override(String id, Kind kind, String personRef, String replaces, Instant from, Instant to) {

    public enum Kind { ADD, REPLACE, REMOVE }

    public Override {
        if (kind == null || personRef == null || personRef.isBlank() || from == null || to == null) {
            throw new IllegalArgumentException("An override needs a kind, a personRef, from and to");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("An override's 'to' must be after its 'from'");
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
