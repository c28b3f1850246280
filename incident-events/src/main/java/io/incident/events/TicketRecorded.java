package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * R-ACK-1, R-PM-1: a ticket was filed in the ticketing system.
 */
public record TicketRecorded(
        UUID incidentId,
        String ticketRef,
        String label,
        String summary,
        Instant recordedAt) implements NotificationEvent {
}
