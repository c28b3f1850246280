package io.incident.commander.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    public List<Incident> inState(Incident.State state, int limit) {
        return find("state", Sort.ascending("reportedAt"), state).page(0, limit).list();
    }

    /** Nobody has command and the alert was not dismissed at triage, oldest first. */
    public List<Incident> awaitingAcknowledgement(int limit) {
        return find("commander is null and (state = ?1 or (state = ?2 and triageDecision = ?3))",
                Sort.ascending("reportedAt"), Incident.State.REPORTED, Incident.State.TRIAGED,
                io.incident.events.TriageDecision.INCIDENT).page(0, limit).list();
    }

    public List<Incident> underCommand(int limit) {
        return find("commander is not null and state in ?1", Sort.ascending("acknowledgedAt"),
                List.of(Incident.State.COMMANDED, Incident.State.MITIGATED, Incident.State.RESOLVED))
                .page(0, limit).list();
    }
}
