package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-CMD-4: a blocker or dispute the IC cannot resolve; goes at once to the product owner and the CTO. */
public record BlockerRaised(
        UUID incidentId,
        String raisedBy,
        String summary,
        Instant raisedAt) implements LifecycleEvent {
}
