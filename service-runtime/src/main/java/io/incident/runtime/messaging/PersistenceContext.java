package io.incident.runtime.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

/**
 * The service's Hibernate session, where it has one. Services mix Hibernate with plain JDBC on the same connection;
 * when several events share a transaction, each must be written out before the next one reads.
 */
@ApplicationScoped
public class PersistenceContext {

    private final Instance<EntityManager> entityManager;
    private volatile Boolean available;

    public PersistenceContext(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    /** Writes pending changes and detaches every entity, as the end of a transaction of its own would. */
    public void flushAndClear() {
        if (!available()) {
            return;
        }
        EntityManager em = entityManager.get();
        em.flush();
        em.clear();
    }

    private boolean available() {
        Boolean known = available;
        if (known == null) {
            boolean resolved;
            try {
                resolved = entityManager.isResolvable() && entityManager.get().isOpen();
            } catch (RuntimeException e) {
                // Hibernate is switched off (a service without entities): nothing to write out.
                resolved = false;
            }
            available = known = resolved;
        }
        return known;
    }
}
