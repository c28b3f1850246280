package io.incident.deadline.clock;

import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineScheduled;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Starts the clocks that events call for. Firing them is the deadline poller's job. */
@ApplicationScoped
public class DeadlineScheduler {

    private final DeadlineRepository deadlines;
    private final Outbox outbox;
    private final Clock clock;

    public DeadlineScheduler(DeadlineRepository deadlines, Outbox outbox, Clock clock) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (envelope.data() instanceof IncidentReported r) {
            // The goal runs from when the report arrived, not from when this service heard of it.
            schedule(r.incidentId(), DeadlineKind.ACKNOWLEDGE, r.reportedAt().plus(AcknowledgeGoal.of(r.likelyIncident())));
        }
    }

    private void schedule(UUID incidentId, DeadlineKind kind, java.time.Instant dueAt) {
        Deadline d = new Deadline();
        d.id = UUID.randomUUID();
        d.incidentId = incidentId;
        d.kind = kind;
        d.dueAt = dueAt;
        d.status = Deadline.Status.PENDING;
        d.createdAt = clock.instant();
        deadlines.persist(d);
        outbox.publish(new DeadlineScheduled(incidentId, d.id, kind, dueAt, d.createdAt));
    }
}
