package io.incident.notification.delivery;

import io.incident.events.NotificationFailed;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores planned deliveries in the caller's transaction, one row per (notice, recipient, channel): a notice planned
 * twice (a redelivered event, two events raising the same notice) adds nothing. Each row gets the priority its
 * template's {@link Urgency} gives, and the number of deliveries of that priority already waiting for the same
 * recipient: workers claim by both, so a recipient's first message goes before anyone's hundredth (V103). The workers
 * are woken after commit.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final Object WAKE_REGISTERED = new Object();
    private static final String INSERT = """
            insert into delivery (id, notice_key, incident_id, recipient, channel, audience, template, subject, body,
                                  status, attempts, next_attempt_at, last_error, created_at, failed_at, priority,
                                  recipient_backlog)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?,
                    (select count(*) from delivery w
                      where w.recipient = ? and w.priority = ? and w.status = 'PENDING') + ?)
            on conflict (notice_key, recipient, channel) do nothing""";

    private final DataSource dataSource;
    private final Clock clock;
    private final DeliverySignal signal;
    private final TransactionSynchronizationRegistry transactions;
    private final Outbox outbox;

    public DeliveryQueue(DataSource dataSource, Clock clock, DeliverySignal signal,
                         TransactionSynchronizationRegistry transactions, Outbox outbox) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.signal = signal;
        this.transactions = transactions;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(List<PlannedDelivery> planned) {
        if (planned.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // The rows of one batch are inserted by one statement, which does not see its own rows: their places in
        // each recipient's line are counted here.
        Map<String, Integer> earlierInBatch = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (PlannedDelivery p : planned) {
                bind(ps, p, DeliveryStatus.PENDING, null, now);
                ps.setInt(18, earlierInBatch.merge(p.recipient() + "\n" + Urgency.of(p.template()).priority, 1,
                        Integer::sum) - 1);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + planned.size() + " deliveries", e);
        }
        wakeWorkersAfterCommit(planned.size());
    }

    /**
     * A delivery that cannot even be attempted (a person with no address): it goes straight to the dead-letter
     * list, once, with the reason, and NotificationFailed says so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadLetter(PlannedDelivery p, String reason) {
        Instant at = clock.instant();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, p, DeliveryStatus.FAILED, reason, Timestamp.from(at));
            ps.setInt(18, 0);
            ps.setObject(1, id);
            ps.setTimestamp(14, Timestamp.from(at));
            if (ps.executeUpdate() == 1) {
                outbox.publish(new NotificationFailed(p.incidentId(), id, p.channel().contractChannel(),
                        p.audience(), p.template(), reason, 0, at));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a failed delivery", e);
        }
    }

    private static void bind(PreparedStatement ps, PlannedDelivery p, DeliveryStatus status, String error,
                             Timestamp now) throws SQLException {
        ps.setObject(1, UUID.randomUUID());
        ps.setString(2, p.noticeKey());
        ps.setObject(3, p.incidentId());
        ps.setString(4, p.recipient());
        ps.setString(5, p.channel().name());
        ps.setString(6, p.audience());
        ps.setString(7, p.template());
        ps.setString(8, p.subject());
        ps.setString(9, p.body());
        ps.setString(10, status.name());
        ps.setTimestamp(11, now);
        ps.setString(12, error);
        ps.setTimestamp(13, now);
        ps.setTimestamp(14, null);
        ps.setShort(15, Urgency.of(p.template()).priority);
        ps.setString(16, p.recipient());
        ps.setShort(17, Urgency.of(p.template()).priority);
    }

    /**
     * After the current transaction commits, wakes one worker per delivery it made due (at most every worker): one
     * after-commit action per transaction, however many times it enqueues.
     */
    public void wakeWorkersAfterCommit(int deliveries) {
        AtomicInteger due = (AtomicInteger) transactions.getResource(WAKE_REGISTERED);
        if (due == null) {
            AtomicInteger count = new AtomicInteger();
            transactions.putResource(WAKE_REGISTERED, count);
            AfterCommit.run(transactions, () -> signal.wake(count.get()));
            due = count;
        }
        due.addAndGet(deliveries);
    }
}
