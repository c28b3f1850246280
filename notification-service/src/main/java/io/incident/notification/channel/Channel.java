package io.incident.notification.channel;

/** One vendor adapter. Implementations throw {@link DeliveryException} and say whether trying again can help. */
public interface Channel {

    ChannelKind kind();

    /** @return a reference the vendor gave the message (a ticket key), or null */
    String send(OutgoingMessage message) throws DeliveryException;
}
