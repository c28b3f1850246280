package io.incident.testkit;

import io.incident.local.EmbeddedDatabase;
import io.incident.local.EmbeddedKafka;
import io.incident.local.MailSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real PostgreSQL, Kafka and SMTP, started once per test JVM on free ports and shared by every test class of a
 * module: starting them costs seconds, and each test works on its own incidents, so sharing is safe.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final Path directory;
    private final EmbeddedDatabase database;
    private final EmbeddedKafka kafka;
    private final MailSink mail;

    private TestInfrastructure(Path directory, EmbeddedDatabase database, EmbeddedKafka kafka, MailSink mail) {
        this.directory = directory;
        this.database = database;
        this.kafka = kafka;
        this.mail = mail;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("incident-test-infra");
                EmbeddedDatabase db = EmbeddedDatabase.start(0, dir.resolve("postgres"), "test-password");
                EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"), 3);
                MailSink mail = MailSink.start(0, -1);
                instance = new TestInfrastructure(dir, db, kafka, mail);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "test-infrastructure-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test infrastructure", e);
            }
        }
        return instance;
    }

    /** The settings a service needs to use this infrastructure; the names match the services' configuration. */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "incident.db.port", String.valueOf(database.port()),
                "incident.db.password", database.password(),
                "incident.kafka.bootstrap", kafka.bootstrapServers(),
                "incident.mail.port", String.valueOf(mail.smtpPort()),
                "mp.jwt.verify.publickey", Tokens.ISSUER.publicKeyPem(),
                "incident.access.service-token", Tokens.token("test-service", "service"));
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public MailSink mail() {
        return mail;
    }

    /** A connection as the services' role, to a schema of the test's choosing. */
    public Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl() + "?currentSchema=" + schema, EmbeddedDatabase.USER,
                database.password());
    }

    private void shutdown() {
        for (AutoCloseable c : new AutoCloseable[] {mail, kafka, database}) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("While stopping test infrastructure: " + e);
            }
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
