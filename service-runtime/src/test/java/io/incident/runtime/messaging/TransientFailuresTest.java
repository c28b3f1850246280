package io.incident.runtime.messaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    @DisplayName("a lost connection, a deadlock or a pool timeout passes: the event is retried, never dead-lettered")
    void passingFailures() {
        assertThat(TransientFailures.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("commit failed",
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    @DisplayName("a commit cut off by a database shutdown passes, though the reason is only a suppressed failure")
    void commitCutOffByShutdown() {
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(TransientFailures.isTransient(new RuntimeException("Error invoking subclass method", rollback)))
                .isTrue();

        Exception constraint = new Exception("Could not commit transaction.");
        constraint.addSuppressed(new SQLException("duplicate key", "23505"));
        assertThat(TransientFailures.isTransient(constraint)).isFalse();
    }

    @Test
    @DisplayName("a failure whose cause chain loops back on itself is answered, not walked forever")
    void loopingCauses() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(TransientFailures.isTransient(a)).isFalse();
    }

    @Test
    @DisplayName("a bug or a constraint violation repeats on every attempt")
    void repeatingFailures() {
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad", new SQLException("x")))).isFalse();
    }
}
