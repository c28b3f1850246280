package io.incident.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries that zonky ships in a jar. The services share one database and keep
 * to their own schemas; they connect as an ordinary role, not as the superuser.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "incident";
    public static final String USER = "incident";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** A throw-away database for tests: commits do not wait for the disk. */
    public static EmbeddedDatabase start(int port, Path directory, String password) throws Exception {
        return start(port, directory, password, false);
    }

    /**
     * @param port      0 picks a free one
     * @param directory the data directory; reused if it already holds a cluster
     * @param password  the password of the services' role
     * @param durable   whether a commit waits until it is on disk: the local stack keeps data between runs, so a
     *                  report answered 202 must survive the database process dying too
     */
    public static EmbeddedDatabase start(int port, Path directory, String password, boolean durable)
            throws Exception {
        Files.createDirectories(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", durable ? "on" : "off");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedDatabase db = new EmbeddedDatabase(postgres, password);
        db.ensureRoleAndDatabase();
        return db;
    }

    private void ensureRoleAndDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", USER)) {
                s.execute("create role " + USER + " login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + USER);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
