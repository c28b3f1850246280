package io.incident.events;

import java.util.UUID;

/**
 * A fact about one incident. Every event is keyed by its incident, so all of an incident's events land on the same
 * partition of their topic and are read in the order they happened. Events carry no personal data: people appear
 * as opaque ids, never as names or addresses.
 */
public sealed interface IncidentEvent
        permits ReportEvent, LifecycleEvent, DeadlineEvent, NotificationEvent, DocumentEvent {

    UUID incidentId();
}
