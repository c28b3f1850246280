package io.incident.runtime.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Fired (synchronously, as a CDI event) after {@code POST /admin/clock/advance} moved the movable clock. Anything
 * that waits in real time for an instant on the clock, such as a service's deadline loop, observes it and looks
 * again: otherwise it would sleep through the jump until its own timer ran out.
 */
public record ClockAdvanced(Duration by, Instant now) {
}
