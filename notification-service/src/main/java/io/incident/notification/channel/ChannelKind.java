package io.incident.notification.channel;

import io.incident.events.NotificationChannel;

/** The adapters this service has; each maps onto the coarser channel the contract's events name. */
public enum ChannelKind {
    EMAIL(NotificationChannel.EMAIL),
    SLACK(NotificationChannel.CHAT),
    TEAMS(NotificationChannel.CHAT),
    MATTERMOST(NotificationChannel.CHAT),
    ROOM_TOPIC(NotificationChannel.CHAT),
    WEBHOOK(NotificationChannel.WEBHOOK),
    JIRA(NotificationChannel.TICKETING);

    private final NotificationChannel contractChannel;

    ChannelKind(NotificationChannel contractChannel) {
        this.contractChannel = contractChannel;
    }

    public NotificationChannel contractChannel() {
        return contractChannel;
    }

    /** Chat rooms, webhooks and tickets are read by many people, so they never get personal data. */
    public boolean isShared() {
        return this != EMAIL;
    }
}
