package io.incident.commander.incident;

import io.incident.events.BlockerRaised;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.HandOffDisputed;
import io.incident.events.HandOffProposed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.LifecycleEvent;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.events.TriageDecision;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The incident aggregate and its lifecycle: reported → triaged → commanded → mitigated → resolved → closed. Every
 * action checks the state and the actor, changes the incident and returns the events it raises; an action the
 * state does not allow throws {@link LifecycleConflict}, one the actor may not take throws {@link NotPermitted}.
 * {@code privileged} is an admin acting for the IC.
 */
@Entity
@Table(name = "incident")
public class Incident {

    public enum State { REPORTED, TRIAGED, COMMANDED, MITIGATED, RESOLVED, CLOSED }

    /** R-ACK-1: decisions that are recorded as a ticket with this label instead of starting the process. */
    public static final String TICKET_LABEL = "qpp-incident-response";

    private static final Set<State> UNDER_COMMAND = EnumSet.of(State.COMMANDED, State.MITIGATED, State.RESOLVED);

    @Id
    public UUID id;
    public String team;
    public String title;
    public String severity;
    @Enumerated(EnumType.STRING)
    public State state;
    public boolean likely;
    public boolean siteWide;
    public boolean security;
    public int reportCount;
    public Instant reportedAt;
    public Instant updatedAt;
    /** Optimistic lock: two people acting on one incident at once cannot both win. */
    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public TriageDecision triageDecision;
    public String commander;
    public String commanderTeam;
    public Instant acknowledgedAt;
    /** The escalation level paged last; 0 before anyone was paged. */
    public int escalationLevel;
    /** The instant the current level's clock counts from: a breach due at or before it belongs to an older level. */
    public Instant levelPagedAt;
    public Instant acknowledgeBy;
    public boolean levelsExhausted;
    public String handOffTo;
    public String handOffToTeam;
    public String closeProposedBy;
    public Instant closeWindowEndsAt;
    public boolean closeObjected;
    /** R-CMD-5: the fatigue-rotation clock ran out and no hand-off has happened since. */
    public boolean rotationDue;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_paged", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "person_ref")
    public Set<String> paged = new LinkedHashSet<>();

    /** Paged people, ICs and proposers: who may see a security incident besides the security role. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_participant", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "person_ref")
    public Set<String> participants = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "incident_timeline", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    public List<TimelineEntry> timeline = new ArrayList<>();

    public static Incident open(IncidentReported r, Instant now) {
        Incident i = new Incident();
        i.id = r.incidentId();
        i.team = r.team();
        i.title = r.title();
        i.severity = r.severity().name();
        i.state = State.REPORTED;
        i.likely = r.likelyIncident();
        i.siteWide = r.siteWide();
        i.security = r.security();
        i.reportCount = 1;
        i.reportedAt = r.reportedAt();
        i.updatedAt = now;
        i.note(r.reportedAt(), "reported", null, r.channel() == null ? null : "via " + r.channel());
        return i;
    }

    /** Nobody has command yet and the alert is not dismissed: pages and escalation apply. */
    public boolean awaitingAcknowledgement() {
        return commander == null && (state == State.REPORTED
                || (state == State.TRIAGED && triageDecision == TriageDecision.INCIDENT));
    }

    public Severity severityLevel() {
        return Severity.valueOf(severity);
    }

    // Paging and escalation (R-ACK-2, R-ACK-4).

    /** Pages {@code people} at {@code level}; the level's clock counts from {@code base}. */
    public List<LifecycleEvent> page(int level, List<String> people, Instant base, Instant acknowledgeBy,
                                     Instant now) {
        requireAwaitingAcknowledgement("page");
        escalationLevel = level;
        levelPagedAt = base;
        this.acknowledgeBy = acknowledgeBy;
        List<LifecycleEvent> events = new ArrayList<>();
        for (String person : people) {
            paged.add(person);
            participants.add(person);
            events.add(new CommanderPaged(id, team, person, level, severityLevel(), security, acknowledgeBy, now));
        }
        note(now, "paged", null, "level " + level + ": " + String.join(", ", people));
        updatedAt = now;
        return events;
    }

    /**
     * Whether an acknowledge-deadline breach due at {@code dueAt} should move paging on: only while nobody has
     * command, the levels are not exhausted, and the breach belongs to the level paged last (a clock of an older
     * level, or a second clock of the same level, is due at or before the current level's start).
     */
    public boolean escalatesOn(Instant dueAt) {
        return awaitingAcknowledgement() && !levelsExhausted && escalationLevel > 0 && dueAt.isAfter(levelPagedAt);
    }

    public List<LifecycleEvent> escalate(int toLevel, List<String> people, Instant breachedAt, Duration delay,
                                         Instant now) {
        List<LifecycleEvent> events = new ArrayList<>();
        events.add(new IncidentEscalated(id, escalationLevel, toLevel, "acknowledge-deadline-breached", now));
        note(now, "escalated", null, "level " + escalationLevel + " did not acknowledge in time");
        events.addAll(page(toLevel, people, breachedAt, breachedAt.plus(delay), now));
        return events;
    }

    /** The policy has no level left: the product owner and the CTO are told (by notification). */
    public List<LifecycleEvent> exhaustLevels(Instant now) {
        levelsExhausted = true;
        updatedAt = now;
        note(now, "escalated", null, "escalation levels exhausted; product owner and CTO notified");
        return List.of(new IncidentEscalated(id, escalationLevel, escalationLevel, "levels-exhausted", now));
    }

    /**
     * R-ACK-4, R-CMD-8: before anyone acknowledges, a paged person (the SI on-call for a generic or site-wide
     * report) hands the incident to the team that should take command; paging starts again with that team.
     */
    public void route(String actor, boolean privileged, String toTeam, Instant now) {
        requireAwaitingAcknowledgement("route");
        requirePaged(actor, privileged, "route");
        if (toTeam.equals(team)) {
            throw new LifecycleConflict(this, "Incident " + id + " is already with team " + toTeam + ".");
        }
        note(now, "routed", actor, team + " → " + toTeam);
        team = toTeam;
        escalationLevel = 0;
        levelPagedAt = null;
        acknowledgeBy = null;
        levelsExhausted = false;
        updatedAt = now;
    }

    // Triage (R-ACK-1) and command (R-CMD-1).

    public List<LifecycleEvent> triage(String actor, boolean privileged, TriageDecision decision, String note,
                                       Instant now) {
        if (state != State.REPORTED) {
            throw new LifecycleConflict(this, "Incident " + id + " is already " + state + "; triage happens once.");
        }
        requirePaged(actor, privileged, "triage");
        state = State.TRIAGED;
        triageDecision = decision;
        updatedAt = now;
        note(now, "triaged", actor, decision + (note == null || note.isBlank() ? "" : ": " + note));
        return List.of(new IncidentTriaged(id, decision, actor, note,
                decision == TriageDecision.INCIDENT ? null : TICKET_LABEL, now));
    }

    /**
     * The paged person takes command. Acknowledging an untriaged page also triages it as an incident: the
     * responder who takes command has decided it is one.
     */
    public List<LifecycleEvent> acknowledge(String actor, String actorTeam, Severity declared, Instant now) {
        if (commander != null) {
            throw new LifecycleConflict(this, commander + " already has command of incident " + id + ".");
        }
        if (!awaitingAcknowledgement()) {
            throw new LifecycleConflict(this, "Incident " + id + " is " + state
                    + (triageDecision == null ? "" : " (" + triageDecision + ")") + " and cannot be acknowledged.");
        }
        if (!paged.contains(actor)) {
            throw new NotPermitted("Only a person paged for incident " + id + " can acknowledge it.");
        }
        List<LifecycleEvent> events = new ArrayList<>();
        if (state == State.REPORTED) {
            events.addAll(triage(actor, false, TriageDecision.INCIDENT, "acknowledged", now));
        }
        state = State.COMMANDED;
        commander = actor;
        commanderTeam = actorTeam == null ? team : actorTeam;
        acknowledgedAt = now;
        participants.add(actor);
        updatedAt = now;
        note(now, "acknowledged", actor, "has command");
        events.add(new CommanderAcknowledged(id, actor, commanderTeam, now));
        if (declared != null && declared != severityLevel()) {
            events.addAll(changeSeverity(actor, false, declared, "set at declaration", now));
        }
        return events;
    }

    // During the response.

    public List<LifecycleEvent> changeSeverity(String actor, boolean privileged, Severity to, String reason,
                                               Instant now) {
        requireState(UNDER_COMMAND, "change the severity of");
        requireCommander(actor, privileged, "change the severity");
        Severity from = severityLevel();
        if (from == to) {
            throw new LifecycleConflict(this, "Incident " + id + " is already " + to + ".");
        }
        severity = to.name();
        updatedAt = now;
        note(now, "severity", actor, from + " → " + to + (reason == null ? "" : ": " + reason));
        return List.of(new SeverityChanged(id, from, to, actor, reason, now));
    }

    /** R-CMD-4: anyone working on the incident may raise a blocker; it goes at once to the product owner and CTO. */
    public List<LifecycleEvent> raiseBlocker(String actor, boolean privileged, String summary, Instant now) {
        requireState(EnumSet.of(State.COMMANDED, State.MITIGATED), "raise a blocker on");
        if (!privileged && !participants.contains(actor)) {
            throw new NotPermitted("Only people working on incident " + id + " can raise a blocker.");
        }
        updatedAt = now;
        note(now, "blocker", actor, summary);
        return List.of(new BlockerRaised(id, actor, summary, now));
    }

    public List<LifecycleEvent> mitigate(String actor, boolean privileged, Instant now) {
        requireState(EnumSet.of(State.COMMANDED), "mitigate");
        requireCommander(actor, privileged, "mark it mitigated");
        state = State.MITIGATED;
        updatedAt = now;
        note(now, "mitigated", actor, null);
        return List.of(new IncidentMitigated(id, actor, now));
    }

    public List<LifecycleEvent> resolve(String actor, boolean privileged, Instant now) {
        requireState(EnumSet.of(State.COMMANDED, State.MITIGATED), "resolve");
        requireCommander(actor, privileged, "resolve it");
        state = State.RESOLVED;
        updatedAt = now;
        note(now, "resolved", actor, null);
        return List.of(new IncidentResolved(id, actor, now));
    }

    /** R-CMD-5: the fatigue-rotation clock ran out; shown on the dashboard until command changes hands. */
    public void rotationDue(Instant now) {
        if (UNDER_COMMAND.contains(state) && !rotationDue) {
            rotationDue = true;
            note(now, "rotation-due", null, "time to rotate the response team");
        }
    }

    // Hand-off (R-CMD-6): the old IC keeps command until the new IC accepts.

    public List<LifecycleEvent> proposeHandOff(String actor, boolean privileged, String to, String toTeam,
                                               Instant now) {
        requireState(UNDER_COMMAND, "hand off");
        requireCommander(actor, privileged, "hand off command");
        if (handOffTo != null) {
            throw new LifecycleConflict(this, "A hand-off to " + handOffTo + " is already waiting for an answer.");
        }
        if (to.equals(commander)) {
            throw new LifecycleConflict(this, to + " already has command of incident " + id + ".");
        }
        handOffTo = to;
        handOffToTeam = toTeam;
        participants.add(to);
        updatedAt = now;
        note(now, "hand-off-proposed", actor, "to " + to + " (" + toTeam + ")");
        return List.of(new HandOffProposed(id, commander, to, toTeam, now));
    }

    public List<LifecycleEvent> acceptHandOff(String actor, Instant now) {
        requirePendingHandOff();
        if (!actor.equals(handOffTo)) {
            throw new NotPermitted("Only " + handOffTo + " can accept this hand-off.");
        }
        String from = commander;
        commander = handOffTo;
        commanderTeam = handOffToTeam;
        team = handOffToTeam;
        handOffTo = null;
        handOffToTeam = null;
        rotationDue = false;
        updatedAt = now;
        note(now, "handed-off", actor, "command passed from " + from);
        return List.of(new CommandHandedOff(id, from, commander, commanderTeam, now));
    }

    /** Either side may dispute: the product owners of all teams and the CTO are told; the old IC keeps command. */
    public List<LifecycleEvent> disputeHandOff(String actor, boolean privileged, String reason, Instant now) {
        requirePendingHandOff();
        if (!privileged && !actor.equals(handOffTo) && !actor.equals(commander)) {
            throw new NotPermitted("Only the IC or " + handOffTo + " can dispute this hand-off.");
        }
        String toTeam = handOffToTeam;
        handOffTo = null;
        handOffToTeam = null;
        updatedAt = now;
        note(now, "hand-off-disputed", actor, reason);
        return List.of(new HandOffDisputed(id, commanderTeam, toTeam, reason, now));
    }

    // Close by consensus (R-CLS-1, R-CLS-2).

    public List<LifecycleEvent> proposeClose(String actor, boolean privileged, Duration window, Instant now) {
        requireState(EnumSet.of(State.RESOLVED), "propose closing");
        if (commander == null ? !privileged : !actor.equals(commander) && !privileged) {
            throw new NotPermitted("Only the IC of incident " + id + " (or an admin) can propose closing it.");
        }
        closeProposedBy = actor;
        closeWindowEndsAt = now.plus(window);
        closeObjected = false;
        participants.add(actor);
        updatedAt = now;
        note(now, "close-proposed", actor, "objections heard until " + closeWindowEndsAt);
        return List.of(new CloseProposed(id, actor, closeWindowEndsAt, now));
    }

    public List<LifecycleEvent> objectToClose(String actor, String reason, Instant now) {
        requireState(EnumSet.of(State.RESOLVED), "object to closing");
        if (closeWindowEndsAt == null) {
            throw new LifecycleConflict(this, "Nobody has proposed closing incident " + id + ".");
        }
        if (!now.isBefore(closeWindowEndsAt)) {
            throw new LifecycleConflict(this, "The objection window ended at " + closeWindowEndsAt
                    + "; ask the IC to propose closing again.");
        }
        closeObjected = true;
        updatedAt = now;
        note(now, "close-objected", actor, reason);
        return List.of(new CloseObjected(id, actor, reason, now));
    }

    public List<LifecycleEvent> close(String actor, boolean privileged, Instant now) {
        requireState(EnumSet.of(State.RESOLVED), "close");
        if (commander == null ? !privileged : !actor.equals(commander) && !privileged) {
            throw new NotPermitted("Only the IC of incident " + id + " (or an admin) can close it.");
        }
        if (closeWindowEndsAt == null) {
            throw new LifecycleConflict(this, "Propose closing first: objections must be heard (R-CLS-1).");
        }
        if (closeObjected) {
            throw new LifecycleConflict(this, "An objection stands; resolve it and propose closing again.");
        }
        if (now.isBefore(closeWindowEndsAt)) {
            throw new LifecycleConflict(this, "Objections are heard until " + closeWindowEndsAt + ".");
        }
        state = State.CLOSED;
        updatedAt = now;
        note(now, "closed", actor, null);
        return List.of(new IncidentClosed(id, actor, team, severityLevel(), reportedAt, now));
    }

    // What monitoring tools relay: a tool cannot take command.

    public void acknowledgeRequested(ReportChannel channel, Instant at) {
        note(at, "tool-acknowledged", null, "acknowledge relayed by " + channel + "; a person must take command");
    }

    /** Resolves an incident nobody commands (and so stops paging); for one under command it is a note for the IC. */
    public List<LifecycleEvent> resolveRequested(ReportChannel channel, Instant at, Instant now) {
        if (!awaitingAcknowledgement()) {
            note(at, "tool-resolved", null, channel + " reports the problem is gone");
            updatedAt = now;
            return List.of();
        }
        state = State.RESOLVED;
        updatedAt = now;
        note(at, "resolved", null, "resolved by " + channel + " before anyone took command");
        return List.of(new IncidentResolved(id, "monitoring:" + channel, at));
    }

    public boolean visibleTo(String actor, boolean securityRole) {
        return !security || securityRole || (actor != null && participants.contains(actor));
    }

    private void note(Instant at, String kind, String actor, String text) {
        timeline.add(new TimelineEntry(at, kind, actor, text));
    }

    private void requireAwaitingAcknowledgement(String action) {
        if (!awaitingAcknowledgement()) {
            throw new LifecycleConflict(this, "Incident " + id + " is " + state + "; cannot " + action + ".");
        }
    }

    private void requireState(Set<State> allowed, String action) {
        if (!allowed.contains(state)) {
            throw new LifecycleConflict(this, "Cannot " + action + " incident " + id + " in state " + state + ".");
        }
    }

    private void requireCommander(String actor, boolean privileged, String action) {
        if (!privileged && !actor.equals(commander)) {
            throw new NotPermitted("Only the IC of incident " + id + " (" + commander + ") or an admin can "
                    + action + ".");
        }
    }

    private void requirePaged(String actor, boolean privileged, String action) {
        if (!privileged && !paged.contains(actor)) {
            throw new NotPermitted("Only a person paged for incident " + id + " can " + action + " it.");
        }
    }

    private void requirePendingHandOff() {
        if (handOffTo == null) {
            throw new LifecycleConflict(this, "No hand-off of incident " + id + " is waiting for an answer.");
        }
    }
}
