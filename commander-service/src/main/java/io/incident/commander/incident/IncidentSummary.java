package io.incident.commander.incident;

import io.incident.events.TriageDecision;

import java.time.Instant;
import java.util.UUID;

/** An incident as a list shows it: enough to choose one, without its timeline. */
public record IncidentSummary(UUID id, String team, String title, String severity, Incident.State state,
                              boolean security, TriageDecision triageDecision, String commander, int reportCount,
                              Instant reportedAt, Instant updatedAt, Instant acknowledgedAt, Instant acknowledgeBy,
                              int escalationLevel) {
}
