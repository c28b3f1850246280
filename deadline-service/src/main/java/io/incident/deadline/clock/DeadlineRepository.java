package io.incident.deadline.clock;

import io.incident.events.DeadlineKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

    public List<Deadline> forIncident(UUID incidentId) {
        return find("incidentId", Sort.ascending("dueAt").and("createdAt"), incidentId).list();
    }

    /** Running clocks, soonest first: what the dashboard shows. */
    public List<Deadline> running(int limit) {
        return find("status", Sort.ascending("dueAt"), Deadline.Status.PENDING).page(0, limit).list();
    }

    /**
     * The incident's running clock of this kind, locked until the transaction ends. If the firing loop holds it, this
     * waits for the loop to commit and then no longer finds it if the loop ended it: one of the two ends a clock.
     */
    public Optional<Deadline> runningForUpdate(UUID incidentId, DeadlineKind kind) {
        return find("incidentId = ?1 and kind = ?2 and status = ?3", incidentId, kind, Deadline.Status.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Every running clock of the incident, locked as {@link #runningForUpdate} does. */
    public List<Deadline> allRunningForUpdate(UUID incidentId) {
        return find("incidentId = ?1 and status = ?2", Sort.ascending("dueAt"), incidentId, Deadline.Status.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The most recently started clock of this kind, running or not. */
    public Optional<Deadline> latest(UUID incidentId, DeadlineKind kind) {
        return find("incidentId = ?1 and kind = ?2", Sort.descending("startedAt"), incidentId, kind)
                .firstResultOptional();
    }

    public Optional<Deadline> findByDue(UUID incidentId, DeadlineKind kind, Instant dueAt) {
        return find("incidentId = ?1 and kind = ?2 and dueAt = ?3", incidentId, kind, dueAt).firstResultOptional();
    }

    /**
     * Locks up to {@code limit} running clocks whose warning or breach is due at {@code now}, soonest first. SKIP
     * LOCKED: rows another firing loop (another instance) has claimed are left to it rather than waited for, and a row
     * that loop has ended no longer matches once its transaction commits, so no clock fires twice.
     */
    @SuppressWarnings("unchecked")
    public List<Deadline> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from deadline
                         where status = 'PENDING' and next_fire_at <= :now
                         order by next_fire_at
                         limit :limit
                           for update skip locked""", Deadline.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** When the firing loop must next act, if any clock is running. */
    public Optional<Instant> nextFiring() {
        return Optional.ofNullable(getEntityManager().createQuery(
                        "select min(d.nextFireAt) from Deadline d where d.status = :running", Instant.class)
                .setParameter("running", Deadline.Status.PENDING)
                .getSingleResult());
    }
}
