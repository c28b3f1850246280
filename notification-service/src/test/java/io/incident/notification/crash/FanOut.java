package io.incident.notification.crash;

import io.incident.events.CommanderAcknowledged;
import io.incident.events.DocumentCreated;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.notification.Fixture;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestInfrastructure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A large fan-out against the packaged service: stakeholders straight into its schema, the events on Kafka. */
public final class FanOut {

    private FanOut() {
    }

    public static void insertStakeholders(TestInfrastructure infra, String team, int count) throws Exception {
        try (Connection c = infra.connect("notification"); PreparedStatement ps = c.prepareStatement(
                "insert into stakeholder (id, team, role, min_severity, channel, address, created_at)"
                        + " values (?, ?, 'SI_TEAM', 'SEV4', 'EMAIL', ?, ?)")) {
            for (int i = 0; i < count; i++) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, team);
                ps.setString(3, "r" + i + "-" + team + "@example.org");
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static void publishActiveIncident(UUID incident, String team) {
        KafkaTestClient kafka = KafkaTestClient.shared();
        Instant now = Instant.now();
        kafka.publish(EventEnvelope.wrap(new IncidentReported(incident, UUID.randomUUID(), team, "Payments down",
                "Seen by a test", ReportChannel.REST, Severity.SEV1, true, false, false, null, "reporter-ref-1",
                List.of(), List.of(), now), "/intake-service", now));
        kafka.publish(EventEnvelope.wrap(new CommanderAcknowledged(incident, "person-ref-ic", team, now),
                "/commander-service", now));
        kafka.publish(EventEnvelope.wrap(new DocumentCreated(incident, UUID.randomUUID(), "INC-9",
                "http://docs.example.org/incidents/" + incident + "/document", now), "/docs-service", now));
    }

    public static int mailCount(String team) throws MessagingException {
        int n = 0;
        for (MimeMessage m : Fixture.received()) {
            for (var a : m.getAllRecipients()) {
                if (a.toString().endsWith("-" + team + "@example.org")) {
                    n++;
                }
            }
        }
        return n;
    }

    public static int sentRows(TestInfrastructure infra, UUID incident) throws Exception {
        try (Connection c = infra.connect("notification"); PreparedStatement ps = c.prepareStatement(
                "select count(*) from delivery where incident_id = ? and status = 'SENT'")) {
            ps.setObject(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

}
