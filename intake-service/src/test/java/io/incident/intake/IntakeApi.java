package io.incident.intake;

import io.incident.testkit.Tokens;
import io.incident.events.EventCodec;
import io.incident.events.IncidentEvent;
import io.incident.events.Topics;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestInfrastructure;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** What the intake tests do over and over: connect a tool, send it PagerDuty events, read what intake published. */
public final class IntakeApi {

    private IntakeApi() {
    }

    /** The admin tests act as when they change integrations. */
    public static final String ACTOR = "person-ops-1";

    /** An integration as created: its id and the key shown that one time. */
    public record Created(String id, String key) {
    }

    public static Created createIntegration(String team, String name, String type) {
        var body = given().header("Authorization", Tokens.bearer(ACTOR, "admin")).contentType(ContentType.JSON).body(Map.of("team", team, "name", name, "type", type))
                .post("/integrations").then().statusCode(201).extract();
        return new Created(body.path("id"), body.path("key"));
    }

    public static Created createPagerDuty(String team) {
        return createIntegration(team, "Prometheus for " + team, "PAGERDUTY");
    }

    public static Map<String, Object> trigger(String routingKey, String dedupKey, String severity, String summary) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", summary);
        payload.put("source", "db-1.example.org");
        payload.put("severity", severity);
        payload.put("component", "postgres");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", routingKey);
        event.put("event_action", "trigger");
        if (dedupKey != null) {
            event.put("dedup_key", dedupKey);
        }
        event.put("payload", payload);
        return event;
    }

    public static Map<String, Object> action(String routingKey, String action, String dedupKey) {
        return Map.of("routing_key", routingKey, "event_action", action, "dedup_key", dedupKey);
    }

    public static ValidatableResponse enqueue(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/v2/enqueue").then();
    }

    /** Events on incident.reports that match, read from the beginning until {@code expected} are found. */
    public static List<IncidentEvent> reportEvents(KafkaTestClient kafka, Predicate<IncidentEvent> match,
                                                   int expected) {
        List<ConsumerRecord<String, String>> records = kafka.read(Topics.REPORTS, r -> match.test(decode(r)),
                expected, Duration.ofSeconds(20));
        return records.stream().map(IntakeApi::decode).toList();
    }

    private static IncidentEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(KafkaTestClient.headers(record), record.value()).map(e -> e.data()).orElse(null);
    }

    /** Rows of a query on intake's schema, each as a list of column values. */
    public static List<List<Object>> query(String sql, Object... parameters) {
        try (Connection c = TestInfrastructure.get().connect("intake");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.add(rs.getObject(col));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
