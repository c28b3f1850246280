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
}
