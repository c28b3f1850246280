package io.incident.runtime.inbox;

import io.incident.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The idempotent inbox, joined to the caller's transaction. */
@ApplicationScoped
public class Inbox {

    private final DataSource dataSource;
    private final InboxStore store;
    private final Clock clock;

    public Inbox(DataSource dataSource, InboxStore store, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
    }

    /** True the first time {@code consumer} sees this event; the caller applies the effect only then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope envelope, String consumer) {
        try (Connection c = dataSource.getConnection()) {
            return store.tryRecord(c, envelope, consumer, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + envelope.id() + " in the inbox", e);
        }
    }

    /** {@link #firstDelivery} for a batch in one statement: the ids seen here for the first time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<EventEnvelope> envelopes, String consumer) {
        try (Connection c = dataSource.getConnection()) {
            return store.tryRecordAll(c, envelopes, consumer, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + envelopes.size() + " events in the inbox", e);
        }
    }

    public List<InboxStore.ProcessedEvent> recent(int limit) {
        try (Connection c = dataSource.getConnection()) {
            return store.recent(c, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox", e);
        }
    }
}
