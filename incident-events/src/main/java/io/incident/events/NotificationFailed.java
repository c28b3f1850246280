package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** A message could not be delivered after its retries. */
public record NotificationFailed(
        UUID incidentId,
        UUID notificationId,
        NotificationChannel channel,
        String audience,
        String template,
        String reason,
        int attempts,
        Instant failedAt) implements NotificationEvent {
}
