package io.incident.notification.stakeholder;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownIncidentRepository implements PanacheRepositoryBase<KnownIncident, UUID> {

    public List<KnownIncident> recent(int limit) {
        return findAll(Sort.descending("firstSeenAt")).page(0, limit).list();
    }
}
