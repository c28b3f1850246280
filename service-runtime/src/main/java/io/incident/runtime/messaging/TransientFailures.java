package io.incident.runtime.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that will pass (the database restarting, a deadlock, a lost optimistic-lock race) from one that
 * will happen again on every attempt. An event that hit a passing failure is retried until it succeeds; only the
 * others may ever be set aside on the dead-letter topic.
 */
public final class TransientFailures {

    /** SQLSTATE classes and codes that mean "try again": connection, rollback, resources, operator, lock. */
    private static final Set<String> TRANSIENT_SQLSTATE_PREFIXES = Set.of("08", "40", "53", "57P", "55P03", "HV");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        // A failed commit says why only in a suppressed exception (the transaction manager attaches the resource's
        // XAException to its RollbackException), so the walk covers suppressed failures as well as causes.
        Deque<Throwable> toVisit = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            toVisit.push(failure);
        }
        while (!toVisit.isEmpty()) {
            Throwable t = toVisit.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (isTransientItself(t)) {
                return true;
            }
            if (t.getCause() != null) {
                toVisit.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                toVisit.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && TRANSIENT_SQLSTATE_PREFIXES.stream().anyMatch(state::startsWith)) {
                return true;
            }
            // The connection pool's "no connection in time" carries no SQLSTATE.
            if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        String name = t.getClass().getSimpleName();
        return name.contains("OptimisticLock") || name.contains("StaleObjectState") || name.contains("LockTimeout")
                || name.contains("JDBCConnectionException");
    }
}
