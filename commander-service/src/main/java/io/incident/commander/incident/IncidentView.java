package io.incident.commander.incident;

import io.incident.events.TriageDecision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident as the API shows it. */
public record IncidentView(UUID id, String team, String title, String severity, Incident.State state,
                           boolean security, int reportCount, Instant reportedAt, Instant updatedAt,
                           TriageDecision triageDecision, String commander, String commanderTeam,
                           Instant acknowledgedAt, int escalationLevel, Instant acknowledgeBy,
                           boolean levelsExhausted, List<String> paged, HandOff handOff, Close close,
                           boolean rotationDue, List<Entry> timeline, long version) {

    public record HandOff(String toPersonRef, String toTeam) {
    }

    public record Close(String proposedBy, Instant objectionWindowEndsAt, boolean objectionStands) {
    }

    public record Entry(Instant at, String kind, String actor, String text) {
    }

    public static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.team, i.title, i.severity, i.state, i.security, i.reportCount, i.reportedAt,
                i.updatedAt, i.triageDecision, i.commander, i.commanderTeam, i.acknowledgedAt, i.escalationLevel,
                i.acknowledgeBy, i.levelsExhausted, List.copyOf(i.paged),
                i.handOffTo == null ? null : new HandOff(i.handOffTo, i.handOffToTeam),
                i.closeWindowEndsAt == null ? null : new Close(i.closeProposedBy, i.closeWindowEndsAt, i.closeObjected),
                i.rotationDue, i.timeline.stream().map(e -> new Entry(e.at, e.kind, e.actor, e.text)).toList(),
                i.version);
    }
}
