package io.incident.commander.incident;

import io.incident.commander.escalation.Paging;
import io.incident.events.AcknowledgeRequested;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ResolveRequested;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Applies what other services report to the incident aggregate: reports open it and page the first level,
 * monitoring tools' acknowledge and resolve requests, acknowledge-deadline breaches escalate. Each handler is safe
 * to run twice: a second IncidentReported finds the incident, a stale breach is ignored by the aggregate.
 */
@ApplicationScoped
public class IncidentRegistry {

    private final IncidentRepository incidents;
    private final Paging paging;
    private final Outbox outbox;
    private final Clock clock;

    public IncidentRegistry(IncidentRepository incidents, Paging paging, Outbox outbox, Clock clock) {
        this.incidents = incidents;
        this.paging = paging;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        IncidentEvent event = envelope.data();
        if (event instanceof IncidentReported r) {
            if (incidents.findById(r.incidentId()) == null) {
                Incident i = Incident.open(r, clock.instant());
                incidents.persist(i);
                outbox.publishAll(paging.pageFirstLevel(i));
            }
        } else if (event instanceof ReportAttached a) {
            incidents.findByIdOptional(a.incidentId()).ifPresent(i -> {
                i.reportCount += a.alertCount();
                i.updatedAt = clock.instant();
            });
        } else if (event instanceof AcknowledgeRequested a) {
            incidents.findByIdOptional(a.incidentId()).ifPresent(i -> i.acknowledgeRequested(a.channel(),
                    a.requestedAt()));
        } else if (event instanceof ResolveRequested r) {
            incidents.findByIdOptional(r.incidentId()).ifPresent(i -> outbox.publishAll(
                    i.resolveRequested(r.channel(), r.requestedAt(), clock.instant())));
        } else if (event instanceof DeadlineBreached b && b.kind() == DeadlineKind.ACKNOWLEDGE) {
            incidents.findByIdOptional(b.incidentId()).ifPresent(i -> outbox.publishAll(
                    paging.acknowledgeBreached(i, b)));
        } else if (event instanceof DeadlineBreached b && b.kind() == DeadlineKind.FATIGUE_ROTATION) {
            incidents.findByIdOptional(b.incidentId()).ifPresent(i -> i.rotationDue(clock.instant()));
        }
    }
}
