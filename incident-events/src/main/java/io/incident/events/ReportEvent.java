package io.incident.events;

/** Events the intake service publishes on {@code incident.reports}: reports taken in and requests made by reporters and monitoring tools. */
public non-sealed interface ReportEvent extends IncidentEvent {
}
