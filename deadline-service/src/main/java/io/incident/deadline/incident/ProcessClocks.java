package io.incident.deadline.incident;

import io.incident.deadline.clock.Clocks;
import io.incident.deadline.clock.Deadline;
import io.incident.deadline.clock.DeadlineRepository;
import io.incident.deadline.policy.DeadlinePolicy;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DocumentUpdated;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.QuestionAnswered;
import io.incident.events.QuestionAsked;
import io.incident.events.RootCauseAnalysisCompleted;
import io.incident.events.SecurityFormFiled;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.incident.events.DeadlineKind.ACKNOWLEDGE;
import static io.incident.events.DeadlineKind.CLOSE_OBJECTION_WINDOW;
import static io.incident.events.DeadlineKind.DOCUMENT_UPDATE;
import static io.incident.events.DeadlineKind.FATIGUE_ROTATION;
import static io.incident.events.DeadlineKind.LEADERSHIP_UPDATE;
import static io.incident.events.DeadlineKind.QUESTION;
import static io.incident.events.DeadlineKind.ROOT_CAUSE_ANALYSIS;
import static io.incident.events.DeadlineKind.SECURITY_FORM;
import static io.incident.events.DeadlineKind.TRIAGE;

/**
 * Which event starts and stops which clock of the process. Every instant comes from the event, never from when
 * this service heard of it, so a consumer that lags or restarts sets the same deadlines.
 */
@ApplicationScoped
public class ProcessClocks {

    /** The inbox name of this handler; kept from when it handled only reports, so no report is applied twice. */
    static final String CONSUMER = "deadline-scheduler";

    private static final Set<Class<? extends IncidentEvent>> HANDLED = Set.of(IncidentReported.class,
            CommanderPaged.class, CommanderAcknowledged.class, IncidentTriaged.class, CommandHandedOff.class,
            SeverityChanged.class, IncidentMitigated.class, IncidentResolved.class, CloseProposed.class,
            CloseObjected.class, IncidentClosed.class, DocumentUpdated.class, SecurityFormFiled.class,
            RootCauseAnalysisCompleted.class, DeadlineBreached.class, QuestionAsked.class, QuestionAnswered.class);

    /** Reminders that come round again while the incident lasts (R-CMD-5, R-SEC-3). */
    private static final Set<DeadlineKind> RECURRING = Set.of(FATIGUE_ROTATION, LEADERSHIP_UPDATE);

    private final TrackedIncidentRepository incidents;
    private final DeadlineRepository deadlines;
    private final HeardStopRepository stops;
    private final Clocks clocks;
    private final DeadlinePolicy policy;

    public ProcessClocks(TrackedIncidentRepository incidents, DeadlineRepository deadlines, HeardStopRepository stops,
                         Clocks clocks, DeadlinePolicy policy) {
        this.incidents = incidents;
        this.deadlines = deadlines;
        this.stops = stops;
        this.clocks = clocks;
        this.policy = policy;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        IncidentEvent event = envelope.data();
        if (!HANDLED.contains(event.getClass())) {
            return;
        }
        TrackedIncident incident = incidents.lockOrCreate(event.incidentId());
        if (event instanceof IncidentReported e) {
            reported(incident, e);
        } else if (event instanceof CommanderPaged e) {
            paged(incident, e);
        } else if (event instanceof CommanderAcknowledged e) {
            if (incident.team == null) {
                incident.team = e.team();
            }
            acknowledged(incident, e.acknowledgedAt());
        } else if (event instanceof IncidentTriaged e) {
            stop(incident, TRIAGE, e.decidedAt());
        } else if (event instanceof CommandHandedOff e) {
            stops.remember(incident.id, FATIGUE_ROTATION, e.handedOffAt());
            handedOff(incident, e.handedOffAt());
        } else if (event instanceof SeverityChanged e) {
            severityChanged(incident, e.to(), e.changedAt());
        } else if (event instanceof IncidentMitigated e) {
            if (incident.mitigatedAt == null) {
                incident.mitigatedAt = e.mitigatedAt();
            }
        } else if (event instanceof IncidentResolved e) {
            incident.resolvedAt = e.resolvedAt();
            // R-SEC-3: leadership hears "until resolved".
            clocks.cancel(incident.id, LEADERSHIP_UPDATE, e.resolvedAt());
        } else if (event instanceof CloseProposed e) {
            closeProposed(incident, e);
        } else if (event instanceof CloseObjected e) {
            // R-CLS-1: a valid objection keeps the incident open; the window closes without a verdict.
            stops.remember(incident.id, CLOSE_OBJECTION_WINDOW, e.objectedAt());
            clocks.cancel(incident.id, CLOSE_OBJECTION_WINDOW, e.objectedAt());
        } else if (event instanceof IncidentClosed e) {
            closed(incident, e);
        } else if (event instanceof DocumentUpdated e) {
            documentUpdated(incident, e);
        } else if (event instanceof SecurityFormFiled e) {
            stop(incident, SECURITY_FORM, e.filedAt());
        } else if (event instanceof RootCauseAnalysisCompleted e) {
            stop(incident, ROOT_CAUSE_ANALYSIS, e.completedAt());
        } else if (event instanceof QuestionAsked e) {
            asked(incident, e);
        } else if (event instanceof QuestionAnswered e) {
            // R-REP-7: an answer in time meets the clock; one after the due time is recorded as breached.
            stop(incident, QUESTION, e.answeredAt());
        } else if (event instanceof DeadlineBreached e && RECURRING.contains(e.kind())) {
            comeRound(incident, e);
        }
    }

    /** Stops the running clock of this kind, and remembers the stop in case the start is still on its way. */
    private void stop(TrackedIncident incident, DeadlineKind kind, Instant at) {
        stops.remember(incident.id, kind, at);
        clocks.stop(incident.id, kind, at);
    }

    /**
     * Starts a clock and ends it at once by the stops heard before its start ({@link StopsBeforeStart}), so that a
     * stop which overtook its start (the triage decision, published before the acknowledgement) leaves no clock
     * running.
     */
    private void start(TrackedIncident incident, DeadlineKind kind, DeadlinePolicy.Timing timing) {
        clocks.start(incident.id, kind, timing);
        for (Instant at : StopsBeforeStart.endings(kind, timing.startsAt(), stops.of(incident.id, kind))) {
            switch (StopsBeforeStart.effect(kind)) {
                case STOP_ONCE, STOP_ROUND -> clocks.stop(incident.id, kind, at);
                case CANCEL_ROUND -> clocks.cancel(incident.id, kind, at);
                case RESTART -> nextPeriod(incident, kind, at)
                        .ifPresent(next -> clocks.restart(incident.id, kind, at, next));
            }
        }
    }

    private Optional<DeadlinePolicy.Timing> nextPeriod(TrackedIncident incident, DeadlineKind kind, Instant from) {
        return kind == LEADERSHIP_UPDATE ? policy.leadershipUpdate(incident.severity, from)
                : Optional.of(policy.after(kind, from));
    }

    /**
     * R-ACK-2 after escalation or re-routing: the commander paged someone new and said by when they must answer;
     * that is the acknowledge clock now. The first page needs nothing, since the report started its clock with the
     * same due time, but a page that gives more time than the latest clock (a generic report routed to another team,
     * R-CMD-8) starts a clock of its own.
     */
    private void paged(TrackedIncident incident, CommanderPaged e) {
        if (e.acknowledgeBy() == null || incident.acknowledgedAt != null || !incident.isOpen()
                || isStale(incident, ACKNOWLEDGE, e.pagedAt())) {
            return;
        }
        Optional<Deadline> latest = deadlines.latest(incident.id, ACKNOWLEDGE);
        boolean later = latest.isPresent() && latest.get().dueAt.isBefore(e.acknowledgeBy());
        if (e.escalationLevel() < 2 && !later) {
            return;
        }
        // Cancelled, not stopped: a level that did not answer did not meet its clock.
        clocks.cancel(incident.id, ACKNOWLEDGE, e.pagedAt());
        clocks.start(incident.id, ACKNOWLEDGE, policy.acknowledgeBy(e.pagedAt(), e.acknowledgeBy()));
    }

    /**
     * A reminder that came due comes round again one period later, counted from when it was due (not from when this
     * service heard of it), until the reason for it ends. Only the latest clock of its kind comes round: if a
     * hand-off or an update restarted it meanwhile, that clock already runs.
     */
    private void comeRound(TrackedIncident incident, DeadlineBreached e) {
        Optional<Deadline> latest = deadlines.latest(incident.id, e.kind());
        if (latest.isEmpty() || !latest.get().id.equals(e.deadlineId()) || !incident.isUnderCommand()) {
            return;
        }
        if (e.kind() == FATIGUE_ROTATION) {
            clocks.start(incident.id, FATIGUE_ROTATION, policy.after(FATIGUE_ROTATION, e.dueAt()));
        } else if (incident.resolvedAt == null) {
            policy.leadershipUpdate(incident.severity, e.dueAt())
                    .ifPresent(t -> clocks.start(incident.id, LEADERSHIP_UPDATE, t));
        }
    }

    /**
     * R-REP-7: the question waits for an answer; its breach is intake's signal to turn it into an incident. The
     * question is keyed by the incident id reserved for it, so its clock sits beside that incident's other clocks.
     * An incident that is already reported or closed asks nothing any more.
     */
    private void asked(TrackedIncident incident, QuestionAsked e) {
        if (incident.reportedAt != null || !incident.isOpen() || deadlines.latest(incident.id, QUESTION).isPresent()) {
            return;
        }
        start(incident, QUESTION, policy.question(e.askedAt(), e.answerBy()));
    }

    private void reported(TrackedIncident incident, IncidentReported e) {
        if (incident.reportedAt != null) {
            return; // a second report event for the incident starts nothing new
        }
        incident.reportedAt = e.reportedAt();
        incident.team = e.team();
        incident.security = e.security();
        if (incident.severity == null) {
            incident.severity = e.severity();
        }
        if (e.security()) {
            // R-SEC-1: the form is due within the hour "even if the incident closes sooner".
            start(incident, SECURITY_FORM, policy.after(SECURITY_FORM, e.reportedAt()));
        }
        if (!incident.isOpen()) {
            return;
        }
        if (incident.acknowledgedAt == null) {
            clocks.start(incident.id, ACKNOWLEDGE, policy.acknowledge(e.reportedAt(), e.likelyIncident()));
        } else {
            // The acknowledgement came first (another topic): only now is the severity known.
            startLeadershipUpdates(incident, incident.acknowledgedAt);
        }
    }

    private void acknowledged(TrackedIncident incident, Instant at) {
        if (incident.acknowledgedAt != null) {
            return; // the first acknowledgement gave the incident its IC; later ones change no clock
        }
        incident.acknowledgedAt = at;
        clocks.stop(incident.id, ACKNOWLEDGE, at);
        if (!incident.isOpen()) {
            return;
        }
        start(incident, TRIAGE, policy.after(TRIAGE, at));
        start(incident, DOCUMENT_UPDATE, policy.after(DOCUMENT_UPDATE, at));
        start(incident, FATIGUE_ROTATION, policy.after(FATIGUE_ROTATION, at));
        startLeadershipUpdates(incident, at);
    }

    /** Once per incident: the severity may become known from the report, the acknowledgement or a change. */
    private void startLeadershipUpdates(TrackedIncident incident, Instant from) {
        if (incident.resolvedAt == null && deadlines.runningForUpdate(incident.id, LEADERSHIP_UPDATE).isEmpty()) {
            policy.leadershipUpdate(incident.severity, from).ifPresent(t -> start(incident, LEADERSHIP_UPDATE, t));
        }
    }

    /** R-CMD-5: a new team took command, so the fatigue clock starts again. */
    private void handedOff(TrackedIncident incident, Instant at) {
        if (incident.isUnderCommand() && !isStale(incident, FATIGUE_ROTATION, at)) {
            clocks.restart(incident.id, FATIGUE_ROTATION, at, policy.after(FATIGUE_ROTATION, at));
        }
    }

    /** R-SEC-2, R-SEC-3: a changed severity changes how often leadership must hear. */
    private void severityChanged(TrackedIncident incident, Severity to, Instant at) {
        if (incident.severity == to) {
            return;
        }
        incident.severity = to;
        if (incident.isUnderCommand() && incident.resolvedAt == null) {
            clocks.cancel(incident.id, LEADERSHIP_UPDATE, at);
            startLeadershipUpdates(incident, at);
        }
    }

    private void closeProposed(TrackedIncident incident, CloseProposed e) {
        if (!incident.isOpen()) {
            return;
        }
        // A new proposal replaces one still open.
        clocks.cancel(incident.id, CLOSE_OBJECTION_WINDOW, e.proposedAt());
        start(incident, CLOSE_OBJECTION_WINDOW, policy.closeObjectionWindow(e.proposedAt(), e.objectionWindowEndsAt()));
    }

    private void closed(TrackedIncident incident, IncidentClosed e) {
        if (!incident.isOpen()) {
            return;
        }
        incident.closedAt = e.closedAt();
        if (incident.severity == null) {
            incident.severity = e.severity();
        }
        if (e.team() != null) {
            incident.team = e.team(); // after a hand-off, the team that closes owns the analysis
        }
        // Nothing the response owed is owed any more, except the security form (R-SEC-1).
        clocks.cancelAll(incident.id, e.closedAt(), List.of(SECURITY_FORM));
        start(incident, ROOT_CAUSE_ANALYSIS, policy.rootCauseAnalysis(e.closedAt(), incident.team));
    }

    /** R-DOC-2: each update by the IC starts the next two hours. */
    private void documentUpdated(TrackedIncident incident, DocumentUpdated e) {
        // Remembered before the IC has command too: the acknowledgement may be on its way on another topic.
        if (policy.countsAsDocumentUpdate(e.entryKind())) {
            stops.remember(incident.id, DOCUMENT_UPDATE, e.updatedAt());
        }
        if (policy.isLeadershipUpdate(e.entryKind())) {
            stops.remember(incident.id, LEADERSHIP_UPDATE, e.updatedAt());
        }
        if (!policy.countsAsDocumentUpdate(e.entryKind()) || !incident.isUnderCommand()) {
            return;
        }
        // The clock started at the acknowledgement, so an update from before it is stale too.
        if (!isStale(incident, DOCUMENT_UPDATE, e.updatedAt())) {
            clocks.restart(incident.id, DOCUMENT_UPDATE, e.updatedAt(), policy.after(DOCUMENT_UPDATE, e.updatedAt()));
        }
        // R-SEC-3: leadership heard from the IC, so the next update is owed one period from now.
        if (policy.isLeadershipUpdate(e.entryKind()) && incident.resolvedAt == null
                && !isStale(incident, LEADERSHIP_UPDATE, e.updatedAt())) {
            policy.leadershipUpdate(incident.severity, e.updatedAt())
                    .ifPresent(t -> clocks.restart(incident.id, LEADERSHIP_UPDATE, e.updatedAt(), t));
        }
    }

    /** An event no later than the start of the latest clock of its kind came late and must not move it back. */
    private boolean isStale(TrackedIncident incident, DeadlineKind kind, Instant at) {
        Optional<Deadline> latest = deadlines.latest(incident.id, kind);
        return latest.isPresent() && !at.isAfter(latest.get().startedAt);
    }
}
