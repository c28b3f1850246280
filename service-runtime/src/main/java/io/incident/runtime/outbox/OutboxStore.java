package io.incident.runtime.outbox;

import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL for the outbox table. Every method works on the caller's connection, so an append joins whatever
 * transaction the caller has open: that is the point of an outbox.
 */
public final class OutboxStore {

    public void append(Connection c, EventEnvelope envelope) throws SQLException {
        appendAll(c, List.of(envelope));
    }

    public void appendAll(Connection c, List<EventEnvelope> envelopes) throws SQLException {
        appendAll(c, envelopes, null);
    }

    /**
     * Appends in list order with one batched statement: a hundred events cost about one round trip, not a hundred.
     *
     * @param traceparent the trace the events were raised in, or null
     */
    public void appendAll(Connection c, List<EventEnvelope> envelopes, String traceparent) throws SQLException {
        if (envelopes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_type, source, subject, occurred_at, payload,
                                          traceparent)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (EventEnvelope envelope : envelopes) {
                ps.setObject(1, envelope.id());
                ps.setString(2, envelope.topic());
                ps.setString(3, envelope.type());
                ps.setString(4, envelope.source());
                ps.setObject(5, envelope.subject());
                ps.setTimestamp(6, Timestamp.from(envelope.time()));
                ps.setString(7, EventCodec.toJson(envelope.data()));
                ps.setString(8, traceparent);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Only one relay per schema sends at a time, so events leave in the order they were written even when
     * several instances of a service run. The lock belongs to the connection's session: the relay keeps that
     * connection while it leads, and the lock goes when it {@link #releaseLeadership resigns} or its session ends
     * (a killed process's connection closes at once). The keepalives make PostgreSQL notice within about 30 s a
     * leader that vanished without closing its connection (a network partition), so another instance takes over.
     */
    public boolean tryLeadership(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set tcp_keepalives_idle = 10");
            s.execute("set tcp_keepalives_interval = 5");
            s.execute("set tcp_keepalives_count = 4");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select pg_try_advisory_lock(hashtext(current_schema() || '.outbox_event'))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * The leader listens on its kept connection for {@link #notifyRelay}: writes committed by other instances wake it
     * at once instead of at its next poll.
     */
    public void listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("listen \"" + channel(c).replace("\"", "\"\"") + "\"");
        }
    }

    /** In the writer's transaction: delivered to the listening leader when it commits, dropped if it rolls back. */
    public void notifyRelay(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_notify(current_schema() || '_outbox', '')")) {
            ps.execute();
        }
    }

    private static String channel(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_schema() || '_outbox'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public void releaseLeadership(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select pg_advisory_unlock(hashtext(current_schema() || '.outbox_event'))")) {
            ps.execute();
        }
    }

    /**
     * The oldest rows not yet published. No row locks: only the leader reads and marks them, so the read costs no
     * writes and holds nothing while the batch is on its way to the broker.
     */
    public List<OutboxMessage> unpublished(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id, event_id, topic, event_type, source, subject, occurred_at, payload, traceparent
                  from outbox_event
                 where published_at is null
                 order by id
                 limit ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<OutboxMessage> batch = new ArrayList<>();
                while (rs.next()) {
                    batch.add(new OutboxMessage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                            rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)));
                }
                return batch;
            }
        }
    }

    public void markPublished(Connection c, List<OutboxMessage> batch, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update outbox_event set published_at = ? where id = any (?)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("bigint", batch.stream().map(OutboxMessage::id).toArray()));
            ps.executeUpdate();
        }
    }

    public long countUnpublished(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Published rows are kept for a while for inspection, then removed so the table stays small. */
    public int purgePublishedBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from outbox_event where published_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }
}
