package io.incident.runtime.inbox;

import io.incident.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** SQL for the inbox table; works on the caller's connection so the record joins the effect's transaction. */
public final class InboxStore {

    /**
     * Records that {@code consumer} processed the event. Returns false if it already had: a redelivery, whose
     * effect must not happen twice. A concurrent first delivery waits on the primary key until the other
     * transaction ends, so two instances never both apply the same event.
     */
    public boolean tryRecord(Connection c, EventEnvelope envelope, String consumer, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into inbox_event (event_id, consumer, event_type, subject, source, occurred_at, processed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")) {
            ps.setObject(1, envelope.id());
            ps.setString(2, consumer);
            ps.setString(3, envelope.type());
            ps.setObject(4, envelope.subject());
            ps.setString(5, envelope.source());
            ps.setTimestamp(6, Timestamp.from(envelope.time()));
            ps.setTimestamp(7, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * {@link #tryRecord} for many events in one statement: returns the ids this consumer had not seen, in no
     * particular order. The caller passes each event once.
     */
    public Set<UUID> tryRecordAll(Connection c, List<EventEnvelope> envelopes, String consumer, Instant now)
            throws SQLException {
        int n = envelopes.size();
        Object[] ids = new Object[n];
        String[] types = new String[n];
        Object[] subjects = new Object[n];
        String[] sources = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope e = envelopes.get(i);
            ids[i] = e.id();
            types[i] = e.type();
            subjects[i] = e.subject();
            sources[i] = e.source();
            times[i] = e.time().toString();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into inbox_event (event_id, consumer, event_type, subject, source, occurred_at, processed_at)
                select e.id, ?, e.type, e.subject, e.source, e.occurred_at::timestamptz, ?
                  from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[])
                       as e(id, type, subject, source, occurred_at)
                on conflict do nothing
                returning event_id""")) {
            ps.setString(1, consumer);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, c.createArrayOf("uuid", ids));
            ps.setArray(4, c.createArrayOf("text", types));
            ps.setArray(5, c.createArrayOf("uuid", subjects));
            ps.setArray(6, c.createArrayOf("text", sources));
            ps.setArray(7, c.createArrayOf("text", times));
            try (ResultSet rs = ps.executeQuery()) {
                Set<UUID> fresh = new HashSet<>();
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
                return fresh;
            }
        }
    }

    /** The most recent events this service processed, newest first: what its dashboard shows. */
    public List<ProcessedEvent> recent(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select event_id, consumer, event_type, subject, source, occurred_at, processed_at
                  from inbox_event order by processed_at desc, occurred_at desc limit ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<ProcessedEvent> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ProcessedEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7).toInstant()));
                }
                return out;
            }
        }
    }

    /**
     * Deletes at most {@code limit} rows of events processed before {@code cutoff} and returns how many it deleted;
     * the caller repeats until fewer come back, so no statement holds many row locks for long.
     */
    public int purgeProcessedBefore(Connection c, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from inbox_event where ctid = any (array(
                    select ctid from inbox_event where processed_at < ? limit ?))""")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        }
    }

    public record ProcessedEvent(UUID eventId, String consumer, String type, UUID incidentId, String source,
                                 Instant occurredAt, Instant processedAt) {
    }
}
