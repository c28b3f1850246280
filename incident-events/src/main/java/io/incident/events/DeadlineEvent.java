package io.incident.events;

/** Events the deadline service publishes on {@code incident.deadlines}: the clocks the process sets. */
public non-sealed interface DeadlineEvent extends IncidentEvent {
}
