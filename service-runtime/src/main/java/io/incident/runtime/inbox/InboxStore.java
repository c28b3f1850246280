package io.incident.runtime.inbox;

import io.incident.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    public record ProcessedEvent(UUID eventId, String consumer, String type, UUID incidentId, String source,
                                 Instant occurredAt, Instant processedAt) {
    }
}
