package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-PM-1, R-PM-3: the postmortem passed the writing checks and was published.
 */
public record PostmortemPublished(
        UUID incidentId,
        UUID postmortemId,
        String url,
        Instant publishedAt) implements DocumentEvent {
}
