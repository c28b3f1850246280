package io.incident.deadline.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class TrackedIncidentRepository implements PanacheRepositoryBase<TrackedIncident, UUID> {

    /**
     * The incident, created empty if this is the first event about it, and locked until the transaction ends: events
     * about one incident arrive on three topics at once, and each must see what the one before it did.
     */
    public TrackedIncident lockOrCreate(UUID id) {
        getEntityManager().createNativeQuery("insert into incident (id) values (:id) on conflict do nothing")
                .setParameter("id", id).executeUpdate();
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
