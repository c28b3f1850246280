package io.incident.notification.delivery;

import io.incident.notification.channel.ChannelKind;

import java.util.UUID;

/**
 * A message decided on but not yet stored. {@code noticeKey} names the notice (source event and template, or a
 * notice two events can raise); with recipient and channel it is the unique key that keeps it to one message.
 */
public record PlannedDelivery(String noticeKey, UUID incidentId, String recipient, ChannelKind channel,
                              String audience, String template, String subject, String body) {
}
