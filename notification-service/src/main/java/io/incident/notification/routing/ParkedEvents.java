package io.incident.notification.routing;

import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events that must wait for their incident's report. Waiting inside the consumer would hold its partition (and, as
 * the blocking consumers share a worker, the report's too), so they are stored and taken back when the report is
 * planned, in that transaction.
 */
@ApplicationScoped
public class ParkedEvents {

    private final DataSource dataSource;
    private final Clock clock;

    public ParkedEvents(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void park(EventEnvelope e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into parked_event (event_id, incident_id, source, type, event_time, payload, parked_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            ps.setObject(1, e.id());
            ps.setObject(2, e.subject());
            ps.setString(3, e.source());
            ps.setString(4, e.type());
            ps.setTimestamp(5, Timestamp.from(e.time()));
            ps.setString(6, EventCodec.toJson(e.data()));
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not park event " + e.id(), ex);
        }
    }

    /** Removes and returns the incident's parked events, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> takeAll(UUID incident) {
        List<EventEnvelope> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from parked_event where incident_id = ? returning event_id, source, type, event_time, payload")) {
            ps.setObject(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventType type = EventCatalog.byType(rs.getString(3)).orElseThrow();
                    out.add(new EventEnvelope(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), incident,
                            EventCodec.fromJson(rs.getString(5), type.recordClass())));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not take parked events of " + incident, ex);
        }
        out.sort(java.util.Comparator.comparing(EventEnvelope::time));
        return out;
    }
}
