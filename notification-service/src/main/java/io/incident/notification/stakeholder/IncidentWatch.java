package io.incident.notification.stakeholder;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Remembers each reported incident so later notifications know its team, severity and audience. */
@ApplicationScoped
public class IncidentWatch {

    private final KnownIncidentRepository incidents;
    private final Clock clock;

    public IncidentWatch(KnownIncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (envelope.data() instanceof IncidentReported r && incidents.findById(r.incidentId()) == null) {
            KnownIncident k = new KnownIncident();
            k.incidentId = r.incidentId();
            k.team = r.team();
            k.title = r.title();
            k.severity = r.severity().name();
            k.security = r.security();
            k.reportedAt = r.reportedAt();
            k.firstSeenAt = clock.instant();
            incidents.persist(k);
        }
    }
}
