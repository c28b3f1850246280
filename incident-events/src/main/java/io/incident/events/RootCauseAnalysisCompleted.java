package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-PM-2: the root cause analysis is done. */
public record RootCauseAnalysisCompleted(
        UUID incidentId,
        UUID postmortemId,
        Instant completedAt) implements DocumentEvent {
}
