package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-CMD-3, R-DOC-1: the incident response document exists, with its tracking id and link.
 */
public record DocumentCreated(
        UUID incidentId,
        UUID documentId,
        String trackingId,
        String url,
        Instant createdAt) implements DocumentEvent {
}
