package io.incident.commander.incident;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Opens the incident aggregate when a report arrives and counts further reports of the same problem. */
@ApplicationScoped
public class IncidentRegistry {

    private final IncidentRepository incidents;
    private final Clock clock;

    public IncidentRegistry(IncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (envelope.data() instanceof IncidentReported r && incidents.findById(r.incidentId()) == null) {
            Incident i = new Incident();
            i.id = r.incidentId();
            i.team = r.team();
            i.title = r.title();
            i.severity = r.severity().name();
            i.state = Incident.State.REPORTED;
            i.likely = r.likelyIncident();
            i.siteWide = r.siteWide();
            i.security = r.security();
            i.reportCount = 1;
            i.reportedAt = r.reportedAt();
            i.updatedAt = clock.instant();
            incidents.persist(i);
        } else if (envelope.data() instanceof ReportAttached a) {
            Incident i = incidents.findById(a.incidentId());
            if (i != null) {
                i.reportCount++;
                i.updatedAt = clock.instant();
            }
        }
    }
}
