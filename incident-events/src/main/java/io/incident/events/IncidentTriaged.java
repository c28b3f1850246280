package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-ACK-1: the responder decided whether the alert is an incident. Not-an-incident and false-positive decisions are recorded as tickets labelled {@code ticketLabel}. */
public record IncidentTriaged(
        UUID incidentId,
        TriageDecision decision,
        String decidedBy,
        String note,
        String ticketLabel,
        Instant decidedAt) implements LifecycleEvent {
}
