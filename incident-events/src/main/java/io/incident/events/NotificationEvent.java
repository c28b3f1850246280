package io.incident.events;

/** Events the notification service publishes on {@code incident.notifications}: messages to stakeholders and tickets. */
public non-sealed interface NotificationEvent extends IncidentEvent {
}
