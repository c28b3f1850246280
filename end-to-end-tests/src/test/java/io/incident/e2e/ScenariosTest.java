package io.incident.e2e;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.local.Service;
import io.incident.local.Stack;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The quick-response scripts of the incident response plan, played on the whole running stack: five services as
 * processes on one broker and one database. Time moves with the services' test clocks, never with sleeps.
 */
class ScenariosTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Stack stack;
    /** Stands in for Slack: the payments team's incident channel. */
    private static ChatStandIn chat;

    @BeforeAll
    static void startStackAndDirectory() throws Exception {
        stack = Stacks.start("incident-scenarios");
        chat = ChatStandIn.start();

        // The directory an organisation enters once: people, teams, rotations, escalation policies.
        person("admin-1", "Avery Admin", "payments", List.of("admin"));
        for (String[] p : new String[][] {{"ana-ic", "Ana Example", "payments"}, {"ben-ic", "Ben Example", "payments"},
                {"cleo-ic", "Cleo Example", "search"}, {"po-1", "Pat Owner", "payments"},
                {"cto-1", "Casey Chief", "payments"}}) {
            person(p[0], p[1], p[2], List.of());
        }
        admin().body(Map.of("roles", Map.of("PRODUCT_OWNER", List.of("po-1")))).put(commander("/teams/payments"))
                .then().statusCode(200);
        admin().body(Map.of("roles", Map.of("PRODUCT_OWNER", List.of("po-1")))).put(commander("/teams/search"))
                .then().statusCode(200);
        admin().body(Map.of("roles", Map.of("CTO", List.of("cto-1")))).put(commander("/teams/organisation"))
                .then().statusCode(200);
        schedule("payments-primary", "payments", "ana-ic");
        schedule("payments-secondary", "payments", "ben-ic");
        schedule("search-primary", "search", "cleo-ic");
        admin().body(Map.of("levels", List.of(Map.of("schedule", "payments-primary"),
                        Map.of("schedule", "payments-secondary")), "repeat", 0))
                .put(commander("/escalation-policies/payments")).then().statusCode(200);
        admin().body(Map.of("levels", List.of(Map.of("schedule", "search-primary")), "repeat", 0))
                .put(commander("/escalation-policies/search")).then().statusCode(200);
        admin().body(Map.of("team", "payments", "role", "PRODUCT_OWNER", "minSeverity", "SEV4", "channel", "EMAIL",
                        "address", "payments-owners@example.org"))
                .post(stack.url(Service.NOTIFICATION) + "/stakeholders").then().statusCode(201);
        admin().body(Map.of("team", "payments", "role", "PRODUCT_OWNER", "minSeverity", "SEV4", "channel", "SLACK",
                        "address", chat.url("payments-incidents")))
                .post(stack.url(Service.NOTIFICATION) + "/stakeholders").then().statusCode(201);
        admin().body(Map.of("ticketUrl", chat.ticketingUrl(), "ticketProject", "OPS",
                        "roomTopicUrl", chat.url("payments-room-topic")))
                .put(stack.url(Service.NOTIFICATION) + "/teams/payments/settings").then().statusCode(200);
    }

    /** Every address the directory and the stakeholder list hold; nobody else may receive anything. */
    private static final List<String> KNOWN_ADDRESSES = List.of("admin-1@example.org", "ana-ic@example.org",
            "ben-ic@example.org", "cleo-ic@example.org", "po-1@example.org", "cto-1@example.org",
            "payments-owners@example.org", "reporter@example.org");

    /** The sweep after the scenarios: every mail and chat post went to a known recipient, none twice. */
    @AfterAll
    static void noUnexpectedMessageAndStop() {
        try {
            if (stack != null) {
                MailSweep.assertOnlyKnownRecipientsAndNothingTwice(stack.mail().messages(), KNOWN_ADDRESSES);
                chat.assertOnlyKnownChannelsAndNothingTwice(List.of("payments-incidents", "payments-room-topic"));
            }
        } finally {
            if (chat != null) {
                chat.close();
            }
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @DisplayName("R-ACK-2 R-CMD-1 R-CMD-3 R-DOC-1 R-DOC-2 a report to a team pages its on-call IC, who acknowledges and starts the process")
    void reportToTeamAddress() {
        UUID incident = report("Card payments fail at checkout", "payments");
        awaitIncident(incident, i -> i.getList("paged").contains("ana-ic") && i.getInt("escalationLevel") == 1);
        Map<String, Object> page = awaitMail(m -> recipients(m).contains("ana-ic@example.org")
                && String.valueOf(m.get("body")).contains("/incidents/" + incident));
        assertThat(String.valueOf(page.get("subject"))).contains("Card payments fail at checkout");

        as("ana-ic").body(Map.of("severity", "SEV2")).post(commander("/incidents/" + incident + "/acknowledge"))
                .then().statusCode(200);
        Response second = as("ben-ic").post(commander("/incidents/" + incident + "/acknowledge"));
        assertThat(second.statusCode()).as("one IC at a time").isEqualTo(409);
        assertThat(second.jsonPath().getString("commander")).isEqualTo("ana-ic");

        JsonPath doc = awaitDocument(incident, d -> "active".equals(d.getString("status"))
                && "ana-ic".equals(d.getString("commander")) && "SEV2".equals(d.getString("severity")));
        assertThat(doc.getString("trackingId")).startsWith("INC-");
        awaitDeadlines(incident, d -> "MET".equals(status(d, "ACKNOWLEDGE"))
                && "PENDING".equals(status(d, "DOCUMENT_UPDATE")) && "PENDING".equals(status(d, "LEADERSHIP_UPDATE")));

        // R-CMD-3: the stakeholders hear of the active incident once, with the document's link.
        Map<String, Object> active = awaitMail(m -> recipients(m).contains("payments-owners@example.org")
                && String.valueOf(m.get("subject")).contains("[Active Incident] Card payments fail at checkout"));
        assertThat(String.valueOf(active.get("body"))).contains("/incidents/" + incident + "/document");
        // ... on every channel they chose: the chat stand-in got it too.
        await().atMost(WAIT).until(() -> chat.posts().stream()
                .anyMatch(p -> p.body().contains("[Active Incident] Card payments fail at checkout")));
        // R-CMD-3: the team's room topic names the active incident and its document.
        await().atMost(WAIT).until(() -> chat.posts().stream().anyMatch(p -> p.path().endsWith("/payments-room-topic")
                && p.body().contains("Active Incident") && p.body().contains("/incidents/" + incident + "/document")));

        // R-DOC-2: the IC's update starts the next two hours.
        as("ana-ic").body(Map.of("kind", "update", "text", "Rolled back the card gateway release"))
                .post(docs("/incidents/" + incident + "/entries")).then().statusCode(201);
        awaitDeadlines(incident, d -> d.getList("findAll { it.kind == 'DOCUMENT_UPDATE' }").size() == 2);
        assertThat(stack.mail().messages().stream().filter(m -> recipients(m).contains("payments-owners@example.org")
                && String.valueOf(m.get("subject")).contains("[Active Incident] Card payments fail at checkout")))
                .as("exactly one active-incident message per stakeholder").hasSize(1);
    }

    @Test
    @DisplayName("R-ACK-2 nobody acknowledges within the goal (5 or 15 minutes): the next level is paged")
    void escalation() {
        UUID incident = report("Refunds are not processed", "payments");
        awaitIncident(incident, i -> i.getInt("escalationLevel") == 1);
        advanceClocks(Duration.ofMinutes(16));
        JsonPath i = awaitIncident(incident, j -> j.getInt("escalationLevel") == 2);
        assertThat(i.getList("paged", String.class)).contains("ben-ic");
        as("ben-ic").post(commander("/incidents/" + incident + "/acknowledge")).then().statusCode(200);
        awaitDocument(incident, d -> "ben-ic".equals(d.getString("commander")));
    }

    @Test
    @DisplayName("R-CMD-6 R-CMD-5 hand-off from team A to team B: the old IC keeps command until the new IC accepts")
    void handOff() {
        UUID incident = report("Search results are empty", "payments");
        awaitIncident(incident, i -> i.getList("paged").contains("ana-ic"));
        as("ana-ic").post(commander("/incidents/" + incident + "/acknowledge")).then().statusCode(200);

        as("ana-ic").body(Map.of("toPersonRef", "cleo-ic", "toTeam", "search"))
                .post(commander("/incidents/" + incident + "/hand-off")).then().statusCode(200);
        assertThat(incident(incident).getString("commander")).as("command stays until accepted").isEqualTo("ana-ic");
        as("cleo-ic").post(commander("/incidents/" + incident + "/hand-off/accept")).then().statusCode(200);

        JsonPath i = incident(incident);
        assertThat(i.getString("commander")).isEqualTo("cleo-ic");
        assertThat(i.getString("team")).isEqualTo("search");
        awaitDocument(incident, d -> "cleo-ic".equals(d.getString("commander")));
        awaitDeadlines(incident, d -> d.getList("findAll { it.kind == 'FATIGUE_ROTATION' }").size() == 2);
    }

    @Test
    @DisplayName("R-REP-3 R-ACK-1 R-ACK-2 alerts: a critical one is an incident the IC takes; a warning is triaged not an incident and ticketed")
    void alertsThatAreAndAreNotIncidents() {
        String key = admin().body(Map.of("team", "payments", "name", "Prometheus", "type", "ALERTMANAGER"))
                .post(stack.url(Service.INTAKE) + "/integrations").then().statusCode(201).extract().path("key");
        String tag = "run " + UUID.randomUUID().toString().substring(0, 8);

        alert(key, "CardGatewayDown", "critical", "Card gateway refuses all payments " + tag);
        UUID critical = reportedTitled("Card gateway refuses all payments " + tag);
        awaitIncident(critical, i -> i.getList("paged").contains("ana-ic"));
        as("ana-ic").body(Map.of("severity", "SEV1")).post(commander("/incidents/" + critical + "/acknowledge"))
                .then().statusCode(200);
        awaitIncident(critical, i -> "COMMANDED".equals(i.getString("state"))
                && "INCIDENT".equals(i.getString("triageDecision")));

        alert(key, "CertificateExpiresSoon", "warning", "Certificate of the status page expires in 20 days " + tag);
        UUID warning = reportedTitled("Certificate of the status page expires in 20 days " + tag);
        awaitIncident(warning, i -> i.getList("paged").contains("ana-ic"));
        as("ana-ic").body(Map.of("decision", "NOT_AN_INCIDENT", "note", "Renewal is scheduled"))
                .post(commander("/incidents/" + warning + "/triage")).then().statusCode(200);
        // R-ACK-1: the decision is recorded as a ticket labelled for the incident-response process.
        ChatStandIn.Post ticket = await().atMost(WAIT).until(() -> chat.posts().stream()
                .filter(p -> p.path().endsWith("/rest/api/2/issue") && p.body().contains(warning.toString()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(ticket.body()).contains("qpp-incident-response").contains("OPS");
        awaitDocument(warning, d -> "not-an-incident".equals(d.getString("status")));
        assertThat(incident(critical).getString("state")).isEqualTo("COMMANDED");
    }

    @Test
    @DisplayName("R-ACK-1 a false positive ends paging; no clock of the response starts")
    void falsePositive() {
        UUID incident = report("Disk alert on a decommissioned host", "payments");
        awaitIncident(incident, i -> i.getList("paged").contains("ana-ic"));
        as("ana-ic").body(Map.of("decision", "FALSE_POSITIVE", "note", "Host was retired last week"))
                .post(commander("/incidents/" + incident + "/triage")).then().statusCode(200);
        JsonPath i = incident(incident);
        assertThat(i.getString("state")).isEqualTo("TRIAGED");
        assertThat(i.getString("triageDecision")).isEqualTo("FALSE_POSITIVE");
        awaitDocument(incident, d -> "false-positive".equals(d.getString("status")));
    }

    @Test
    @DisplayName("R-CLS-1 R-CLS-2 R-PM-2 closing: an objection keeps the incident open, consensus closes it, the RCA meets its clock")
    void closeByConsensus() {
        UUID incident = report("Payouts delayed", "payments");
        awaitIncident(incident, i -> i.getList("paged").contains("ana-ic"));
        String path = "/incidents/" + incident;
        as("ana-ic").post(commander(path + "/acknowledge")).then().statusCode(200);
        as("ana-ic").post(commander(path + "/mitigate")).then().statusCode(200);
        as("ana-ic").post(commander(path + "/resolve")).then().statusCode(200);

        as("ana-ic").post(commander(path + "/close-proposals")).then().statusCode(200);
        as("ben-ic").body(Map.of("reason", "Payout queue still 40 minutes behind"))
                .post(commander(path + "/close-objections")).then().statusCode(200);
        advanceClocks(Duration.ofMinutes(11));
        Response refused = as("ana-ic").post(commander(path + "/close"));
        assertThat(refused.statusCode()).as("an objection stands").isEqualTo(409);

        as("ana-ic").post(commander(path + "/close-proposals")).then().statusCode(200);
        advanceClocks(Duration.ofMinutes(11));
        as("ana-ic").post(commander(path + "/close")).then().statusCode(200);
        assertThat(incident(incident).getString("state")).isEqualTo("CLOSED");

        JsonPath doc = awaitDocument(incident, d -> "closed".equals(d.getString("status")));
        assertThat(doc.getList("timeline.text", String.class))
                .anySatisfy(t -> assertThat(t).contains("Payout queue still 40 minutes behind"));
        awaitDeadlines(incident, d -> "PENDING".equals(status(d, "ROOT_CAUSE_ANALYSIS")));

        as("ana-ic").body(Map.of("problem", "The payout worker stalled on one malformed batch.",
                        "response", "The team skipped the batch and drained the queue.",
                        "prevention", "The worker now parks malformed batches and alerts."))
                .put(docs(path + "/rca")).then().statusCode(200);
        as("ana-ic").post(docs(path + "/rca/publish")).then().statusCode(200);
        awaitDeadlines(incident, d -> "MET".equals(status(d, "ROOT_CAUSE_ANALYSIS")));
    }

    // --- the stack's APIs -------------------------------------------------------------------------------------

    private static void person(String ref, String name, String team, List<String> roles) {
        as("admin-1")
                .body(Map.of("name", name, "email", ref + "@example.org", "team", team, "timeZone", "UTC",
                        "roles", roles))
                .put(commander("/people/" + ref)).then().statusCode(200);
    }

    private static void schedule(String id, String team, String member) {
        admin().body(Map.of("team", team, "name", id, "timeZone", "UTC", "layers", List.of(Map.of(
                        "name", "around the clock", "start", "2026-01-05T09:00", "turn", "WEEKLY",
                        "members", List.of(member)))))
                .put(commander("/schedules/" + id)).then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return as("admin-1");
    }

    /** The one place a scenario says who acts: a bearer token signed with the stack's key. */
    private static RequestSpecification as(String person) {
        String token = stack.tokens().token(person, person.equals("admin-1") ? "admin" : "commander");
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static UUID report(String title, String team) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("title", title, "team", team, "reporter", "reporter@example.org"))
                .post(stack.url(Service.INTAKE) + "/reports")
                .then().statusCode(202).extract().path("incidentId");
        return UUID.fromString(id);
    }

    /** An Alertmanager v4 webhook with one firing alert, as Prometheus' Alertmanager sends it. */
    private static void alert(String key, String name, String severity, String summary) {
        Map<String, Object> alert = Map.of("status", "firing",
                "labels", Map.of("alertname", name, "severity", severity, "team", "payments"),
                "annotations", Map.of("summary", summary), "startsAt", "2026-11-21T09:30:00.000Z",
                "fingerprint", UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        given().contentType(ContentType.JSON).body(Map.of("version", "4", "status", "firing",
                        "receiver", "incident-intake", "groupKey", "{}:{alertname=\"" + name + "\"}",
                        "groupLabels", Map.of("alertname", name), "alerts", List.of(alert)))
                .post(stack.url(Service.INTAKE) + "/webhooks/alertmanager/" + key).then().statusCode(202);
    }

    /** The incident an alert opened, found by its title on incident.reports. */
    private static UUID reportedTitled(String title) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> EventLog.read(
                        stack.kafkaBootstrapServers(), "incident.reports").stream()
                .flatMap(e -> e.event().stream()).map(EventEnvelope::data)
                .filter(e -> e instanceof IncidentReported r && r.title().contains(title))
                .map(IncidentEvent::incidentId).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static Map<String, Object> awaitMail(Predicate<Map<String, Object>> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> stack.mail().messages().stream().filter(check).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static String recipients(Map<String, Object> message) {
        return String.valueOf(message.get("to"));
    }

    /** Every service reads its own clock; a scenario moves them together, as real time would. */
    private static void advanceClocks(Duration by) {
        for (Service s : Service.values()) {
            given().post(stack.url(s) + "/admin/clock/advance?by=" + by).then().statusCode(200);
        }
    }

    private static JsonPath incident(UUID id) {
        return as("admin-1").accept(ContentType.JSON).get(commander("/incidents/" + id))
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitIncident(UUID id, Predicate<JsonPath> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = as("admin-1").accept(ContentType.JSON).get(commander("/incidents/" + id));
            return r.statusCode() == 200 ? r.jsonPath() : null;
        }, j -> j != null && check.test(j));
    }

    private static JsonPath awaitDocument(UUID id, Predicate<JsonPath> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = as("admin-1").accept(ContentType.JSON)
                    .get(docs("/incidents/" + id + "/document"));
            return r.statusCode() == 200 ? r.jsonPath() : null;
        }, j -> j != null && check.test(j));
    }

    private static JsonPath awaitDeadlines(UUID id, Predicate<JsonPath> check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> as("admin-1")
                .get(stack.url(Service.DEADLINE) + "/incidents/" + id + "/deadlines").jsonPath(), check::test);
    }

    /** The status of the latest clock of a kind, or null. */
    private static String status(JsonPath deadlines, String kind) {
        List<Map<String, String>> of = deadlines.getList("findAll { it.kind == '" + kind + "' }");
        return of.stream().max((a, b) -> a.get("startedAt").compareTo(b.get("startedAt")))
                .map(m -> m.get("status")).orElse(null);
    }

    private static String commander(String path) {
        return stack.url(Service.COMMANDER) + path;
    }

    private static String docs(String path) {
        return stack.url(Service.DOCS) + path;
    }
}
