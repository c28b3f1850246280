package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-DOC-2: an entry was added to the document's running log. */
public record DocumentUpdated(
        UUID incidentId,
        UUID documentId,
        int revision,
        String entryKind,
        Instant updatedAt) implements DocumentEvent {
}
