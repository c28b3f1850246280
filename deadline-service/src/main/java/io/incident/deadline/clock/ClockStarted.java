package io.incident.deadline.clock;

import java.time.Instant;

/**
 * A CDI event: a clock was started that the firing loop must act on at {@code firesAt}. Observed after the
 * transaction commits, so the loop never wakes for a clock it cannot see yet.
 */
public record ClockStarted(Instant firesAt) {
}
