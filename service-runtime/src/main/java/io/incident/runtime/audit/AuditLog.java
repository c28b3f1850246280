package io.incident.runtime.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The service's audit log, in its own schema. Plain JDBC: it is written outside the request's transaction. */
@ApplicationScoped
public class AuditLog {

    private final AgroalDataSource dataSource;

    public AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(Instant at, String actor, String roles, String method, String path, int status)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO audit_log (at, actor, roles, method, path, status) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, actor);
            insert.setString(3, roles);
            insert.setString(4, method);
            insert.setString(5, path);
            insert.setInt(6, status);
            insert.executeUpdate();
        }
    }

    /** The newest entries first, optionally of one actor. */
    public List<AuditEntry> latest(String actor, int limit) throws SQLException {
        String sql = "SELECT id, at, actor, roles, method, path, status FROM audit_log"
                + (actor == null ? "" : " WHERE actor = ?") + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            int i = 1;
            if (actor != null) {
                query.setString(i++, actor);
            }
            query.setInt(i, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)));
                }
            }
            return entries;
        }
    }
}
