package io.incident.docs.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public Optional<Document> forIncident(UUID incidentId) {
        return find("incidentId", incidentId).firstResultOptional();
    }

    /** Locked until the transaction ends: entries chain onto {@code lastHash}, so appends to one document queue. */
    public Optional<Document> forIncidentLocked(UUID incidentId) {
        return find("incidentId", incidentId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The home page's list: open incidents first, then the most recently updated; each filter applies when given.
     */
    public List<Document> list(String team, String severity, String status, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (team != null) {
            params.add(team);
            where.append(" and team = ?").append(params.size());
        }
        if (severity != null) {
            params.add(severity);
            where.append(" and severity = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            where.append(" and status = ?").append(params.size());
        }
        return find(where + " order by case when status in ('closed', 'not-an-incident', 'false-positive') then 1"
                + " else 0 end, updatedAt desc", params.toArray()).page(0, limit).list();
    }

    /** In reading order: when it happened, then when it was logged. */
    public List<TimelineEntry> timeline(UUID documentId) {
        return getEntityManager().createQuery(
                        "from TimelineEntry where documentId = :d order by occurredAt, id", TimelineEntry.class)
                .setParameter("d", documentId).getResultList();
    }

    /** In the order the hash chain links them. */
    public List<TimelineEntry> timelineInAppendOrder(UUID documentId) {
        return getEntityManager().createQuery("from TimelineEntry where documentId = :d order by id",
                TimelineEntry.class).setParameter("d", documentId).getResultList();
    }

    /** Someone who acted on the incident, as opposed to someone who only reported it. */
    public boolean isParticipant(UUID documentId, String personRef) {
        return !getEntityManager().createQuery("select e.id from TimelineEntry e where e.documentId = :d"
                        + " and e.actor = :p and e.kind not in ('reported', 'report-attached')")
                .setParameter("d", documentId).setParameter("p", personRef).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Keeps an event that arrived before its incident's report; a redelivery of it is kept once. */
    public void keepEarly(EventEnvelope e) {
        getEntityManager().createNativeQuery("insert into early_event (event_id, incident_id, source, type,"
                        + " occurred_at, payload) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, e.id()).setParameter(2, e.subject()).setParameter(3, e.source())
                .setParameter(4, e.type()).setParameter(5, e.time()).setParameter(6, EventCodec.toJson(e.data()))
                .executeUpdate();
    }

    /** The events that waited for this incident's report, oldest first, removed from the waiting room. */
    @SuppressWarnings("unchecked")
    public List<EventEnvelope> takeEarly(UUID incidentId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("delete from early_event where incident_id = ?1"
                        + " returning event_id, source, type, occurred_at, payload")
                .setParameter(1, incidentId).getResultList();
        List<EventEnvelope> events = new ArrayList<>();
        for (Object[] row : rows) {
            String type = (String) row[2];
            EventCatalog.byType(type).ifPresent(t -> events.add(new EventEnvelope((UUID) row[0], (String) row[1],
                    type, toInstant(row[3]), incidentId, EventCodec.fromJson((String) row[4], t.recordClass()))));
        }
        events.sort(Comparator.comparing(EventEnvelope::time));
        return events;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
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
