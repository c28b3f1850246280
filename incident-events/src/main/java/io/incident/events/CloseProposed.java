package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-CLS-1: the IC asked whether anyone is opposed to closing; objections are heard until {@code objectionWindowEndsAt}. */
public record CloseProposed(
        UUID incidentId,
        String proposedBy,
        Instant objectionWindowEndsAt,
        Instant proposedAt) implements LifecycleEvent {
}
