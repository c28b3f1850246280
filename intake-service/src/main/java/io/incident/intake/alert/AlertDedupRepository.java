package io.incident.intake.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code alert_dedup} table: per integration and dedup key, the incident the key keeps open. Plain SQL,
 * because the one statement that makes concurrent triggers safe, {@code insert ... on conflict do nothing}, has
 * no JPA form. Every method joins the caller's transaction, so the key moves with the report and its event.
 */
@ApplicationScoped
public class AlertDedupRepository {

    private final EntityManager em;

    public AlertDedupRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Makes sure the key has a row, then locks it until the transaction ends. Of two concurrent triggers with a
     * new key, one inserts; the other's insert waits on the primary key until the first commits, then does
     * nothing, and its lock reads the incident the first one opened: it attaches instead of opening a second.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DedupRules.KeyState claim(UUID integrationId, String dedupKey, Instant now) {
        em.createNativeQuery("""
                        insert into alert_dedup (integration_id, dedup_key, acknowledged, updated_at)
                        values (?1, ?2, false, ?3)
                        on conflict do nothing""")
                .setParameter(1, integrationId).setParameter(2, dedupKey).setParameter(3, now)
                .executeUpdate();
        return lock(integrationId, dedupKey);
    }

    /** Locks the key's row, if it has one, until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DedupRules.KeyState lock(UUID integrationId, String dedupKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select incident_id, acknowledged from alert_dedup
                         where integration_id = ?1 and dedup_key = ?2
                           for update""")
                .setParameter(1, integrationId).setParameter(2, dedupKey).getResultList();
        if (rows.isEmpty()) {
            return DedupRules.KeyState.NONE;
        }
        Object[] row = rows.get(0);
        return new DedupRules.KeyState((UUID) row[0], (Boolean) row[1]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(UUID integrationId, String dedupKey, UUID incidentId, Instant now) {
        update("incident_id = :incident, acknowledged = false, repeats_pending = 0, repeats_total = 0,"
                + " last_seen_at = null, last_payload = null, announced_at = null", integrationId, dedupKey,
                incidentId, now);
    }

    /** What the key has counted of repeated triggers since its incident opened. */
    public record Repeats(int pending, int total, Instant announcedAt) {
    }

    /**
     * Counts one more trigger of the open key, keeping its payload as the latest, and returns the counts with it.
     * The row is locked already ({@link #claim}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Repeats countRepeat(UUID integrationId, String dedupKey, String payload, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        update alert_dedup
                           set repeats_pending = repeats_pending + 1, repeats_total = repeats_total + 1,
                               last_seen_at = ?3, last_payload = ?4, updated_at = ?3
                         where integration_id = ?1 and dedup_key = ?2
                        returning repeats_pending, repeats_total, announced_at""")
                .setParameter(1, integrationId).setParameter(2, dedupKey).setParameter(3, now)
                .setParameter(4, payload).getSingleResult();
        return new Repeats(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), instant(row[2]));
    }

    /** The pending repeats were told: the next count starts from zero. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announced(UUID integrationId, String dedupKey, Instant now) {
        update("repeats_pending = 0, announced_at = :now", integrationId, dedupKey, null, now);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledge(UUID integrationId, String dedupKey, Instant now) {
        update("acknowledged = true", integrationId, dedupKey, null, now);
    }

    /** After a resolve the key is free: the next trigger with it opens a new incident, as in PagerDuty. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(UUID integrationId, String dedupKey, Instant now) {
        update("incident_id = null, acknowledged = false", integrationId, dedupKey, null, now);
    }

    /**
     * The incident is over (resolved or closed by people): every key that kept it open is freed, so the next
     * trigger with one of them opens a new incident. Running it twice changes nothing.
     *
     * @return how many keys were freed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(UUID incidentId, Instant now) {
        return em.createNativeQuery("""
                        update alert_dedup set incident_id = null, acknowledged = false, updated_at = ?2
                         where incident_id = ?1""")
                .setParameter(1, incidentId).setParameter(2, now).executeUpdate();
    }

    private void update(String set, UUID integrationId, String dedupKey, UUID incidentId, Instant now) {
        var query = em.createNativeQuery("update alert_dedup set " + set + ", updated_at = :now"
                        + " where integration_id = :integration and dedup_key = :key")
                .setParameter("integration", integrationId).setParameter("key", dedupKey).setParameter("now", now);
        if (incidentId != null) {
            query.setParameter("incident", incidentId);
        }
        query.executeUpdate();
    }
}
