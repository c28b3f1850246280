package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-SEC-1: the security incident form went to the IT service desk. */
public record SecurityFormFiled(
        UUID incidentId,
        String filedBy,
        Instant filedAt) implements DocumentEvent {
}
