package io.incident.events;

/** Events the docs service publishes on {@code incident.documents}: the incident document, postmortem and root cause analysis. */
public non-sealed interface DocumentEvent extends IncidentEvent {
}
