package io.incident.events;

/** Where a notification goes. Every vendor sits behind one of these. */
public enum NotificationChannel {
    EMAIL, CHAT, WEBHOOK, TICKETING, SMS, VOICE
}
