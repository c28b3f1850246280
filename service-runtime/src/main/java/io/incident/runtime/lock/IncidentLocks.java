package io.incident.runtime.lock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Per-incident serialisation across a service's consumers and instances: a PostgreSQL advisory lock held until the
 * caller's transaction ends. Every service keys it the same way, so a batch that takes all its incidents' locks up
 * front ({@link #lockAll}) and a handler that takes one again ({@link #lock}) agree on what they hold.
 */
@ApplicationScoped
public class IncidentLocks {

    private final DataSource dataSource;

    public IncidentLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The advisory lock key of an incident. */
    public static long key(UUID incident) {
        return incident.getMostSignificantBits() ^ incident.getLeastSignificantBits();
    }

    /** Waits for the incident's lock; taking it again in the same transaction returns at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID incident) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key(incident));
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock incident " + incident, e);
        }
    }

    /**
     * Takes the locks of many incidents in one statement, in ascending key order. Two transactions that take their
     * locks this way wait for each other but never deadlock, whatever incidents their batches share; a batch that
     * took its locks one by one, in arrival order, deadlocked with another consumer's batch within seconds of a storm.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<UUID> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        Long[] keys = incidents.stream().map(IncidentLocks::key).distinct().sorted().toArray(Long[]::new);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(pg_advisory_xact_lock(k))
                  from (select k from unnest(?::bigint[]) as k order by k) as ordered""")) {
            ps.setArray(1, c.createArrayOf("bigint", keys));
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock " + keys.length + " incidents", e);
        }
    }
}
