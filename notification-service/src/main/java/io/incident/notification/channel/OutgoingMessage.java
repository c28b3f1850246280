package io.incident.notification.channel;

import java.util.UUID;

/**
 * One message to one recipient. {@code messageId} is derived from the delivery, so a message sent again after a
 * crash carries the same id and the receiving side can recognise it.
 */
public record OutgoingMessage(UUID deliveryId, String messageId, UUID incidentId, String recipient, String template,
                              String subject, String body) {
}
