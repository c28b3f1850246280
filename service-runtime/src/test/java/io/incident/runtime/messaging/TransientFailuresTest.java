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
    @DisplayName("a bug or a constraint violation repeats on every attempt")
    void repeatingFailures() {
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad", new SQLException("x")))).isFalse();
    }
}
