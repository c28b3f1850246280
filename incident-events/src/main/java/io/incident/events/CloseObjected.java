package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-CLS-1: a valid objection keeps the incident open; the reason goes on the timeline. */
public record CloseObjected(
        UUID incidentId,
        String objectedBy,
        String reason,
        Instant objectedAt) implements LifecycleEvent {
}
