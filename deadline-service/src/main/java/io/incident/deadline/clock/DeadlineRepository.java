package io.incident.deadline.clock;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

    public List<Deadline> forIncident(UUID incidentId) {
        return find("incidentId", Sort.ascending("dueAt"), incidentId).list();
    }

    public List<Deadline> pending(int limit) {
        return find("status", Sort.ascending("dueAt"), Deadline.Status.PENDING).page(0, limit).list();
    }
}
