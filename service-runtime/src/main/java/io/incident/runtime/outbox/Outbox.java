package io.incident.runtime.outbox;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEvent;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.tracing.Tracing;
import io.incident.runtime.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Where services put the events their state changes raise. The row is written in the caller's transaction, so the
 * event exists if and only if the change committed; the relay is woken the moment the transaction commits, in this
 * process or, when another instance leads the relay, through PostgreSQL's LISTEN/NOTIFY. The row
 * keeps the trace of the request or consumer that raised it, which the relay sends on with the event.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final DataSource dataSource;
    private final OutboxStore store;
    private final Clock clock;
    private final OutboxSignal signal;
    private final TransactionSynchronizationRegistry transactions;
    private final Tracing tracing;
    private final String source;

    public Outbox(DataSource dataSource, OutboxStore store, Clock clock, OutboxSignal signal,
                  TransactionSynchronizationRegistry transactions, Tracing tracing, RuntimeConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
        this.signal = signal;
        this.transactions = transactions;
        this.tracing = tracing;
        this.source = "/" + config.serviceName();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(IncidentEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /** Several events from one transaction, written with one batched statement, in list order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<? extends IncidentEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<EventEnvelope> envelopes = events.stream()
                .map(event -> EventEnvelope.wrap(event, source, clock.instant())).toList();
        try (Connection c = dataSource.getConnection()) {
            store.appendAll(c, envelopes, tracing.currentTraceparent().orElse(null));
            if (!signal.leadsHere()) {
                // Another instance's relay leads: it hears of these rows when this transaction commits, rather than
                // at its next poll. PostgreSQL sends one notification per transaction and channel however often
                // this runs, and none if the transaction rolls back. A leader here needs no notification.
                store.notifyRelay(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + envelopes.size() + " event(s) to the outbox", e);
        }
        wakeRelayAfterCommit();
        return envelopes;
    }

    /** One wake-up per transaction, however many times it publishes. */
    private void wakeRelayAfterCommit() {
        AfterCommit.once(transactions, WAKE_REGISTERED, signal::wake);
    }
}
