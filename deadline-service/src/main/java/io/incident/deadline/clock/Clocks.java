package io.incident.deadline.clock;

import io.incident.deadline.policy.DeadlinePolicy;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineMet;
import io.incident.events.DeadlineScheduled;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts, stops and cancels clocks, and publishes what others must learn about it through the outbox, in the
 * caller's transaction. Firing them when their time comes is the firing loop's job.
 */
@ApplicationScoped
public class Clocks {

    private final DeadlineRepository deadlines;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<ClockStarted> started;

    public Clocks(DeadlineRepository deadlines, Outbox outbox, Clock clock, Event<ClockStarted> started) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.clock = clock;
        this.started = started;
    }

    /**
     * Starts a clock and publishes {@code DeadlineScheduled}. Starting the same clock again (same incident, kind and
     * due time) starts nothing: two events that mean the same thing do not double a clock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deadline start(UUID incidentId, DeadlineKind kind, DeadlinePolicy.Timing timing) {
        Optional<Deadline> same = deadlines.findByDue(incidentId, kind, timing.dueAt());
        if (same.isPresent()) {
            return same.get();
        }
        Deadline d = Deadline.start(incidentId, kind, timing, clock.instant());
        deadlines.persist(d);
        outbox.publish(new DeadlineScheduled(incidentId, d.id, kind, d.dueAt, d.createdAt));
        started.fire(new ClockStarted(d.firesAt()));
        return d;
    }

    /** Stops the running clock of this kind, if any: what it waited for happened at {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Deadline> stop(UUID incidentId, DeadlineKind kind, Instant at) {
        Optional<Deadline> running = deadlines.runningForUpdate(incidentId, kind);
        running.ifPresent(d -> stop(d, at));
        return running;
    }

    /** Stops the running clock of this kind, if any, and starts the next period, unless that period already exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deadline restart(UUID incidentId, DeadlineKind kind, Instant at, DeadlinePolicy.Timing next) {
        Optional<Deadline> same = deadlines.findByDue(incidentId, kind, next.dueAt());
        if (same.isPresent()) {
            return same.get();
        }
        stop(incidentId, kind, at);
        return start(incidentId, kind, next);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Deadline> cancel(UUID incidentId, DeadlineKind kind, Instant at) {
        Optional<Deadline> running = deadlines.runningForUpdate(incidentId, kind);
        running.ifPresent(d -> d.cancel(at));
        return running;
    }

    /** Cancels every running clock of the incident except those of the kinds kept; returns what it cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Deadline> cancelAll(UUID incidentId, Instant at, List<DeadlineKind> keep) {
        List<Deadline> cancelled = deadlines.allRunningForUpdate(incidentId).stream()
                .filter(d -> !keep.contains(d.kind)).toList();
        cancelled.forEach(d -> d.cancel(at));
        return cancelled;
    }

    private void stop(Deadline d, Instant at) {
        if (d.stop(at, clock.instant()) == Deadline.Status.MET) {
            outbox.publish(new DeadlineMet(d.incidentId, d.id, d.kind, d.dueAt, d.endedAt));
        } else {
            outbox.publish(new DeadlineBreached(d.incidentId, d.id, d.kind, d.dueAt, d.endedAt));
        }
    }
}
