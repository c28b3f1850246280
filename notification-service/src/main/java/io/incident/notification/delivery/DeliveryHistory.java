package io.incident.notification.delivery;

import io.incident.notification.channel.ChannelKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** What the delivery table says was already told to whom about an incident. */
@ApplicationScoped
public class DeliveryHistory {

    /**
     * Queued counts as told: it is claimed before anything planned after it for the same recipient (V103), and the
     * notices of one event are planned in the transaction that reads this (through the same connection, so rows
     * queued earlier in it are seen). A dead letter does not: that recipient never got it.
     */
    private static final String TOLD = """
            select distinct channel, recipient from delivery
             where incident_id = ? and status <> 'FAILED' and not (template = any (?))""";

    private final DataSource dataSource;

    public DeliveryHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Everyone with a delivery about {@code incident} of a template not in {@code except}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Addressee> told(UUID incident, Set<String> except) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TOLD)) {
            ps.setObject(1, incident);
            ps.setArray(2, c.createArrayOf("text", except.toArray()));
            Set<Addressee> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Addressee(ChannelKind.valueOf(rs.getString(1)), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the deliveries of incident " + incident, e);
        }
    }
}
