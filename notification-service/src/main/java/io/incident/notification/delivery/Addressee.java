package io.incident.notification.delivery;

import io.incident.notification.channel.ChannelKind;

/** Where a message goes: the same address on another channel is another recipient. */
public record Addressee(ChannelKind channel, String recipient) {
}
