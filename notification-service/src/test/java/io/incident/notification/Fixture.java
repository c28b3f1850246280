package io.incident.notification;

import io.incident.testkit.Tokens;
import io.incident.events.CloudEventHeaders;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.DocumentCreated;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.local.MailSink;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestInfrastructure;
import io.restassured.http.ContentType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** What the notification tests share: events others publish, REST set-up, the SMTP mailbox and Kafka output. */
public final class Fixture {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final String ACTOR = "person-ref-operator";
    private static final KafkaTestClient KAFKA = KafkaTestClient.shared();

    private Fixture() {
    }

    public static Instant now() {
        return Instant.parse(given().get("/admin/clock").then().statusCode(200).extract().path("now"))
                .truncatedTo(ChronoUnit.MILLIS);
    }

    public static void advance(Duration by) {
        given().post("/admin/clock/advance?by=" + by).then().statusCode(200);
    }

    public static String uniqueTeam(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueAddress(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static EventEnvelope publish(IncidentEvent event, String source) {
        EventEnvelope e = EventEnvelope.wrap(event, source, Instant.now());
        KAFKA.publish(e);
        return e;
    }

    public static void publish(EventEnvelope envelope) {
        KAFKA.publish(envelope);
    }

    public static EventEnvelope reported(UUID incident, String team, Severity severity, boolean security) {
        return publish(new IncidentReported(incident, UUID.randomUUID(), team, "Checkout fails " + incident,
                "Seen by a test", ReportChannel.REST, severity, true, false, security, null, "reporter-ref-1",
                List.of(), List.of(), now()), "/intake-service");
    }

    /** Reported, acknowledged by {@code commanderRef} and documented: the "[Active Incident]" notice is due. */
    public static void activeIncident(UUID incident, String team, Severity severity, boolean security) {
        reported(incident, team, severity, security);
        publish(new CommanderAcknowledged(incident, "person-ref-ic", team, now()), "/commander-service");
        publish(new DocumentCreated(incident, UUID.randomUUID(), "INC-1", "http://docs.example.org/incidents/"
                + incident + "/document", now()), "/docs-service");
    }

    public static String addStakeholder(String team, String role, String minSeverity, String channel, String address) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("team", team);
        body.put("role", role);
        body.put("minSeverity", minSeverity);
        body.put("channel", channel);
        body.put("address", address);
        return given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON).body(body).post("/stakeholders")
                .then().statusCode(201).extract().path("id");
    }

    public static void teamSettings(String team, Map<String, Object> settings) {
        given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON).body(settings).put("/teams/" + team + "/settings")
                .then().statusCode(200);
    }

    /** Messages GreenMail received for {@code address}. */
    public static List<MimeMessage> mailTo(String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : received()) {
            try {
                if (m.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    out.add(m);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * Every message the SMTP server received. MailSink's JSON view has no headers, and the Message-ID is what the
     * exactly-once tests are about, so the GreenMail instance behind it is read directly.
     */
    public static MimeMessage[] received() {
        try {
            MailSink sink = TestInfrastructure.get().mail();
            Field f = MailSink.class.getDeclaredField("greenMail");
            f.setAccessible(true);
            return ((com.icegreen.greenmail.util.GreenMail) f.get(sink)).getReceivedMessages();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the test mailbox", e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage m) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
    }

    /** Waits until this service has read the report of {@code incident}, so what follows is planned with it. */
    public static void awaitReportRead(UUID incident) {
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> queryInt(
                "select count(*) from known_incident where incident_id = ? and reported", incident) == 1);
    }

    /** Waits until the planner has applied {@code event}, whatever it planned (possibly nothing). */
    public static void awaitApplied(EventEnvelope event) {
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> queryInt(
                "select count(*) from inbox_event where event_id = ? and consumer in ('notification-planner',"
                        + " 'incident-watch')", event.id()) == 1);
    }

    public static int queryInt(String sql, Object parameter) {
        try (java.sql.Connection c = TestInfrastructure.get().connect("notification");
             java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the part of {@code m} with {@code mimeType} (text/plain, text/html). */
    public static String part(MimeMessage m, String mimeType) {
        try {
            if (!(m.getContent() instanceof jakarta.mail.internet.MimeMultipart multipart)) {
                throw new AssertionError("Not a multipart message: " + m.getContentType());
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart p = multipart.getBodyPart(i);
                if (p.isMimeType(mimeType)) {
                    // SMTP carries CRLF line ends; the templates and assertions use "\n".
                    return ((String) p.getContent()).replace("\r\n", "\n");
                }
            }
            throw new AssertionError("No " + mimeType + " part in " + m.getContentType());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This service's events about {@code incident} of type {@code type}, waiting for {@code expected}. */
    public static <T extends IncidentEvent> List<T> emitted(UUID incident, Class<T> type, int expected) {
        Predicate<ConsumerRecord<String, String>> match = r -> incident.toString().equals(r.key())
                && EventCatalog.of(type).type().equals(KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE));
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KAFKA.read(Topics.NOTIFICATIONS, match, expected, TIMEOUT)) {
            out.add(type.cast(EventCodec.decode(KafkaTestClient.headers(r), r.value()).orElseThrow().data()));
        }
        return out;
    }
}
