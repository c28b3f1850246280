package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-ACK-2, R-ACK-4: a person was paged to take command, at an escalation level, with the time by which they must
 * acknowledge.
 */
public record CommanderPaged(
        UUID incidentId,
        String team,
        String personRef,
        int escalationLevel,
        Severity severity,
        boolean security,
        Instant acknowledgeBy,
        Instant pagedAt) implements LifecycleEvent {
}
