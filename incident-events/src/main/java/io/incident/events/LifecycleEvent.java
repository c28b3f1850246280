package io.incident.events;

/** Events the commander service publishes on {@code incident.lifecycle}: triage, paging, command and closing. */
public non-sealed interface LifecycleEvent extends IncidentEvent {
}
