package io.incident.notification.routing;

import io.incident.events.Severity;

import java.util.UUID;

/**
 * What this service remembers about an incident when a later event arrives. {@code reported} is false while only a
 * lifecycle event has named it and its report is still on its way.
 */
public record IncidentContext(UUID incidentId, String team, String title, Severity severity, boolean security,
                              String commanderRef, String documentUrl, boolean reported) {
}
