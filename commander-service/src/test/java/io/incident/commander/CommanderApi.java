package io.incident.commander;

import io.incident.testkit.Tokens;
import io.incident.events.CloudEventHeaders;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.Topics;
import io.incident.testkit.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the commander's service tests share: an admin to set things up, people, a team with a schedule and an
 * escalation policy, the service's movable clock, and reading incident.lifecycle. Tests use fresh team names and
 * incident ids, so they never depend on what other tests left behind.
 */
public final class CommanderApi {

    public static final String ADMIN = "admin-ref";
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final KafkaTestClient kafka = KafkaTestClient.shared();

    private CommanderApi() {
    }

    public static RequestSpecification as(String actor) {
        return given().header("Authorization", Tokens.bearer(actor)).contentType(ContentType.JSON);
    }

    /** The first admin can be entered while no admin exists; later calls find it already is one. */
    public static void ensureAdmin() {
        as(ADMIN).body(Map.of("name", "Avery Admin", "email", "avery@example.org", "timeZone", "UTC",
                "roles", List.of("admin"))).put("/people/" + ADMIN).then().statusCode(200);
    }

    public static void person(String ref, String team, String... roles) {
        ensureAdmin();
        as(ADMIN).body(Map.of("name", "Person " + ref, "email", ref + "@example.org", "chatHandle", "@" + ref,
                "phone", "+1-555-0100", "timeZone", "Europe/Berlin", "team", team, "roles", List.of(roles)))
                .put("/people/" + ref).then().statusCode(200);
    }

    public static String freshTeam() {
        return "team-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A team whose single-layer daily schedule has {@code primary} on call (from a start a day back, so the first
     * member holds every turn with one member), and whose policy pages the schedule, then each person in
     * {@code nextLevels}.
     */
    public static void teamWithPolicy(String team, String primary, List<String> nextLevels, Duration level2Delay) {
        person(primary, team);
        nextLevels.forEach(p -> person(p, team));
        as(ADMIN).body(Map.of("team", team, "name", team + " primary", "timeZone", "Europe/Berlin",
                "layers", List.of(Map.of("name", "primary", "start", "2026-01-01T09:00", "turn", "DAILY",
                        "members", List.of(primary)))))
                .put("/schedules/" + team + "-primary").then().statusCode(200);
        List<Map<String, Object>> levels = new java.util.ArrayList<>();
        levels.add(Map.of("schedule", team + "-primary"));
        for (int n = 0; n < nextLevels.size(); n++) {
            levels.add(n == 0 && level2Delay != null ? Map.of("person", nextLevels.get(n), "delay",
                    level2Delay.toString()) : Map.of("person", nextLevels.get(n)));
        }
        as(ADMIN).body(Map.of("levels", levels, "repeat", 0)).put("/escalation-policies/" + team)
                .then().statusCode(200);
    }

    public static Instant now() {
        return Instant.parse(given().get("/admin/clock").then().statusCode(200).extract().path("now"))
                .truncatedTo(ChronoUnit.MILLIS);
    }

    public static void advance(Duration by) {
        given().post("/admin/clock/advance?by=" + by).then().statusCode(200);
    }

    public static EventEnvelope reported(UUID incident, String team, boolean likely, boolean siteWide,
                                         boolean security, Instant at) {
        return EventEnvelope.wrap(new IncidentReported(incident, UUID.randomUUID(), team, "Checkout fails " + incident,
                "Seen by a test", likely ? ReportChannel.REST : ReportChannel.ALERTMANAGER, Severity.SEV2, likely,
                siteWide, security, null, "reporter-ref-1", List.of(), List.of(), at), "/intake-service", at);
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(Class<? extends IncidentEvent> type) {
        return r -> EventCatalog.of(type).type().equals(KafkaTestClient.headers(r).get(CloudEventHeaders.TYPE));
    }

    @SuppressWarnings("unchecked")
    public static <T extends IncidentEvent> T decode(ConsumerRecord<String, String> record) {
        return (T) EventCodec.decode(KafkaTestClient.headers(record), record.value()).orElseThrow().data();
    }

    /** Reads {@code expected} lifecycle events of {@code type} about the incident. */
    public static <T extends IncidentEvent> List<T> lifecycle(UUID incident, Class<T> type, int expected) {
        return kafka.read(Topics.LIFECYCLE, KafkaTestClient.about(incident).and(ofType(type)), expected, TIMEOUT)
                .stream().map(CommanderApi::<T>decode).toList();
    }

    public static JsonPath incident(UUID id, String actor) {
        return as(actor).get("/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath awaitIncident(UUID id, Predicate<JsonPath> until) {
        return await().atMost(TIMEOUT).until(() -> as(ADMIN).get("/incidents/" + id).then().extract().response(),
                r -> r.statusCode() == 200 && until.test(r.jsonPath())).jsonPath();
    }
}
