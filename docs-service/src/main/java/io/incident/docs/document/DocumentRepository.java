package io.incident.docs.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public Optional<Document> forIncident(UUID incidentId) {
        return find("incidentId", incidentId).firstResultOptional();
    }

    public List<Document> recent(int limit) {
        return findAll(Sort.descending("updatedAt")).page(0, limit).list();
    }

    public List<TimelineEntry> timeline(UUID documentId) {
        return getEntityManager().createQuery(
                        "from TimelineEntry where documentId = :d order by occurredAt, id", TimelineEntry.class)
                .setParameter("d", documentId).getResultList();
    }

    public void add(TimelineEntry entry) {
        getEntityManager().persist(entry);
    }

    public String nextTrackingId() {
        Number n = (Number) getEntityManager().createNativeQuery("select nextval('document_tracking_number')")
                .getSingleResult();
        return "INC-" + n.longValue();
    }
}
