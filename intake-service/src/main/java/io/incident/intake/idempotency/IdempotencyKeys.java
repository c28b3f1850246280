package io.incident.intake.idempotency;

import io.incident.intake.IntakeConfig;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers which request each {@code Idempotency-Key} named and what it created, in {@code intake.idempotency_key},
 * written in the transaction that creates the resource: the key is taken if and only if the resource is.
 *
 * <p>The primary key (endpoint, key) settles races between replicas, with no lock in memory: a second request with
 * a key another transaction has just claimed waits in PostgreSQL until that transaction ends, then either sees the
 * committed claim (and is answered as a replay) or, if the first rolled back, claims the key itself.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager em;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyKeys(EntityManager em, Clock clock, IntakeConfig config) {
        this.em = em;
        this.clock = clock;
        this.retention = config.idempotency().retention();
    }

    /** What a request with a key created, as its answer says it: the resource, its incident, status and Location. */
    public record Outcome(UUID resourceId, UUID incidentId, int status, URI location) {
    }

    /**
     * Claims {@code key} for a request that is about to create {@code intended}, in the caller's transaction, before
     * anything else is written. Empty: the key is new (or expired), so go on and create. Present: the key named this
     * same request before, and this is what it created; create nothing. A key that named a different request is
     * refused with 422.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Outcome> claim(IdempotentEndpoint endpoint, IdempotencyKey key, String requestHash,
                                   Outcome intended) {
        Instant now = clock.instant();
        // An expired claim is taken over in the same statement, so two requests racing for an expired key still
        // conflict on one row and only one of them creates.
        int claimed = em.createNativeQuery("""
                        insert into idempotency_key (endpoint, key, request_hash, resource_id, incident_id, status,
                                                     location, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (endpoint, key) do update set request_hash = excluded.request_hash,
                            resource_id = excluded.resource_id, incident_id = excluded.incident_id,
                            status = excluded.status, location = excluded.location, created_at = excluded.created_at
                        where idempotency_key.created_at <= ?9""")
                .setParameter(1, endpoint.stored())
                .setParameter(2, key.value())
                .setParameter(3, requestHash)
                .setParameter(4, intended.resourceId())
                .setParameter(5, intended.incidentId())
                .setParameter(6, intended.status())
                .setParameter(7, intended.location().toString())
                .setParameter(8, now)
                .setParameter(9, now.minus(retention))
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                        select request_hash, resource_id, incident_id, status, location, created_at
                        from idempotency_key where endpoint = ?1 and key = ?2""")
                .setParameter(1, endpoint.stored())
                .setParameter(2, key.value())
                .getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(422, "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request to " + endpoint.stored()
                            + " (at " + instant(row[5]) + "). Send a new key for a new request, or resend the "
                            + "original request unchanged to get its answer again.",
                    Map.of("header", IdempotencyKey.HEADER));
        }
        return Optional.of(new Outcome(uuid(row[1]), uuid(row[2]), ((Number) row[3]).intValue(),
                URI.create((String) row[4])));
    }

    /** Removes keys older than the retention at {@code now}; returns how many. */
    @Transactional
    public int purgeExpired(Instant now) {
        return em.createNativeQuery("delete from idempotency_key where created_at <= ?1")
                .setParameter(1, now.minus(retention))
                .executeUpdate();
    }

    public Duration retention() {
        return retention;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}
