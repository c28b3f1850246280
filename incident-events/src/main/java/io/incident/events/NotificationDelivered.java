package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A message reached a stakeholder audience on a channel. {@code audience} is a role or list name, never an
 * address.
 */
public record NotificationDelivered(
        UUID incidentId,
        UUID notificationId,
        NotificationChannel channel,
        String audience,
        String template,
        Instant deliveredAt) implements NotificationEvent {
}
