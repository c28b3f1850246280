package io.incident.runtime.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
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
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
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
            if (name.contains("OptimisticLock") || name.contains("StaleObjectState") || name.contains("LockTimeout")
                    || name.contains("JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
