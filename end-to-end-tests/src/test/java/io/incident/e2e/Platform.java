package io.incident.e2e;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.incident.events.IncidentReported;
import io.incident.events.Topics;
import io.incident.local.Service;
import io.incident.local.Stack;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running stack's APIs as the whole-stack tests use them: the directory an organisation enters, reports by REST
 * and e-mail, the services' views of an incident, the mail sink and the movable clocks.
 */
final class Platform {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Where intake takes e-mailed reports: {@code incident.intake.email.domain}'s default. */
    static final String INTAKE_DOMAIN = "incidents.example.org";
    private static final String OBSERVER = "e2e-observer";
    private static final Pattern INCIDENT_LINK = Pattern.compile("/incidents/([0-9a-f-]{36})");

    private final Stack stack;
    /** Access roles of the people entered, which the services read from the caller today (docs) or the directory. */
    private final Map<String, List<String>> roles = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Platform(Stack stack) {
        this.stack = stack;
    }

    /**
     * A request made by {@code person}: the one place that says who is acting. The services verify a bearer token
     * signed with the stack's key (every person here may command, plus their access roles).
     */
    RequestSpecification as(String person) {
        List<String> of = roles.getOrDefault(person, List.of());
        String token = tokens.computeIfAbsent(person, p -> {
            List<String> granted = new ArrayList<>(of);
            granted.add("commander");
            return stack.tokens().token(p, Duration.ofHours(12), granted);
        });
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** Someone who only looks: reads need a signed-in caller, but no role and no entry in the directory. */
    RequestSpecification observer() {
        return as(OBSERVER);
    }

    /** A request nobody signs: reports, and what anyone may read. */
    RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    // --- the directory ----------------------------------------------------------------------------------------

    /** Enters a person; {@code admin} acts (while nobody is admin yet, anyone may enter the first admin). */
    void person(String admin, String ref, String name, String team, List<String> accessRoles) {
        roles.put(ref, List.copyOf(accessRoles));
        as(admin).body(Map.of("name", name, "email", ref + "@example.org", "team", team, "timeZone", "UTC",
                "roles", accessRoles)).put(commander("/people/" + ref)).then().statusCode(200);
    }

    void schedule(String admin, String id, String team, String member) {
        as(admin).body(Map.of("team", team, "name", id, "timeZone", "UTC", "layers", List.of(Map.of(
                        "name", "around the clock", "start", "2026-01-05T09:00", "turn", "WEEKLY",
                        "members", List.of(member)))))
                .put(commander("/schedules/" + id)).then().statusCode(200);
    }

    /** An escalation policy with one level per schedule, in order, run once. */
    void policy(String admin, String team, String... schedules) {
        as(admin).body(Map.of("levels", Arrays.stream(schedules).map(s -> Map.of("schedule", s)).toList(),
                "repeat", 0)).put(commander("/escalation-policies/" + team)).then().statusCode(200);
    }

    /** A stakeholder who hears by e-mail; {@code team} null for company-wide roles. */
    void stakeholder(String admin, String team, String role, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("role", role, "minSeverity", "SEV4",
                "channel", "EMAIL", "address", address));
        if (team != null) {
            body.put("team", team);
        }
        as(admin).body(body).post(url(Service.NOTIFICATION, "/stakeholders")).then().statusCode(201);
    }

    // --- reports ----------------------------------------------------------------------------------------------

    UUID report(String title, String team) {
        String id = anonymous().body(Map.of("title", title, "team", team, "reporter", "reporter@example.org"))
                .post(url(Service.INTAKE, "/reports")).then().statusCode(202).extract().path("incidentId");
        return UUID.fromString(id);
    }

    /** Sends a plain-text e-mail to intake's SMTP listener, as a mail client would. */
    void mail(String from, String to, String subject, String body) {
        GreenMailUtil.sendTextEmail(to, from, subject, body,
                new ServerSetup(stack.options().intakeSmtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** The IncidentReported that intake published for a report with this title. */
    IncidentReported awaitReported(String title) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> events(Topics.REPORTS).stream()
                .map(e -> e.event().map(ev -> ev.data()).orElse(null))
                .filter(d -> d instanceof IncidentReported r && title.equals(r.title()))
                .map(IncidentReported.class::cast).findFirst(), Optional::isPresent).orElseThrow();
    }

    List<EventLog.Entry> events(String topic) {
        return EventLog.read(stack.kafkaBootstrapServers(), topic);
    }

    // --- mail -------------------------------------------------------------------------------------------------

    List<Map<String, Object>> messages() {
        return stack.mail().messages();
    }

    Map<String, Object> awaitMail(Predicate<Map<String, Object>> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> messages().stream().filter(check).findFirst(), Optional::isPresent).orElseThrow();
    }

    static Predicate<Map<String, Object>> to(String address) {
        return m -> recipients(m).contains(address);
    }

    static Predicate<Map<String, Object>> about(UUID incident) {
        return m -> body(m).contains(incident.toString());
    }

    static String recipients(Map<String, Object> message) {
        return MailSweep.recipients(message);
    }

    static String subject(Map<String, Object> message) {
        return String.valueOf(message.get("subject"));
    }

    static String body(Map<String, Object> message) {
        return String.valueOf(message.get("body"));
    }

    /** The incident a page or notice links to. */
    static UUID linkedIncident(Map<String, Object> message) {
        Matcher m = INCIDENT_LINK.matcher(body(message));
        assertThat(m.find()).as("a link to the incident in %s", subject(message)).isTrue();
        return UUID.fromString(m.group(1));
    }

    // --- time -------------------------------------------------------------------------------------------------

    /** Every service reads its own clock; a scenario moves them together, as real time would. */
    void advanceClocks(Duration by) {
        for (Service s : Service.values()) {
            given().post(url(s, "/admin/clock/advance?by=" + by)).then().statusCode(200);
        }
    }

    /**
     * A restarted service starts with the real clock: move it to where the others are, as if it had kept running.
     */
    void alignClock(Service restarted, Service reference) {
        Duration ahead = offset(reference).minus(offset(restarted));
        if (!ahead.isNegative() && !ahead.isZero()) {
            given().post(url(restarted, "/admin/clock/advance?by=" + ahead)).then().statusCode(200);
        }
    }

    /** The service's clock offset: ISO-8601, or seconds if the service writes durations as numbers. */
    private Duration offset(Service service) {
        String offset = given().get(url(service, "/admin/clock")).then().statusCode(200).extract().jsonPath()
                .getString("offset");
        return offset.startsWith("P") ? Duration.parse(offset)
                : Duration.ofNanos(new BigDecimal(offset).movePointRight(9).longValueExact());
    }

    // --- the services' views ----------------------------------------------------------------------------------

    Response incident(UUID id, String viewer) {
        return as(viewer).accept(ContentType.JSON).get(commander("/incidents/" + id));
    }

    JsonPath awaitIncident(UUID id, String viewer, Predicate<JsonPath> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = incident(id, viewer);
            return r.statusCode() == 200 ? r.jsonPath() : null;
        }, j -> j != null && check.test(j));
    }

    Response document(UUID id, String viewer) {
        return as(viewer).accept(ContentType.JSON).get(docs("/incidents/" + id + "/document"));
    }

    JsonPath awaitDocument(UUID id, String viewer, Predicate<JsonPath> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = document(id, viewer);
            return r.statusCode() == 200 ? r.jsonPath() : null;
        }, j -> j != null && check.test(j));
    }

    JsonPath deadlines(UUID id) {
        return observer().get(url(Service.DEADLINE, "/incidents/" + id + "/deadlines")).then().statusCode(200)
                .extract().jsonPath();
    }

    JsonPath awaitDeadlines(UUID id, Predicate<JsonPath> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> deadlines(id), check::test);
    }

    /** The status of the latest clock of a kind, or null. */
    static String status(JsonPath deadlines, String kind) {
        List<Map<String, String>> of = deadlines.getList("findAll { it.kind == '" + kind + "' }");
        return of.stream().max((a, b) -> a.get("startedAt").compareTo(b.get("startedAt")))
                .map(m -> m.get("status")).orElse(null);
    }

    /** Each accepted report has its document, with exactly one 'reported' line: nothing lost, nothing applied twice. */
    void assertEveryReportDocumentedOnce(List<UUID> incidents) {
        for (UUID incident : incidents) {
            String url = docs("/incidents/" + incident + "/document");
            await().atMost(LoadReporter.RECOVERY).pollInterval(Duration.ofMillis(100))
                    .until(() -> observer().accept(ContentType.JSON).get(url).statusCode() == 200);
            List<Object> reported = observer().accept(ContentType.JSON).get(url).jsonPath()
                    .getList("timeline.findAll { it.kind == 'reported' }");
            assertThat(reported).as("incident %s has one 'reported' entry", incident).hasSize(1);
        }
    }

    String commander(String path) {
        return url(Service.COMMANDER, path);
    }

    String docs(String path) {
        return url(Service.DOCS, path);
    }

    String url(Service service, String path) {
        return stack.url(service) + path;
    }
}
