package io.incident.intake.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incident.events.AcknowledgeRequested;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.ResolveRequested;
import io.incident.events.Severity;
import io.incident.intake.IntakeApi;
import io.incident.intake.IntakeConfig;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.incident.intake.IntakeApi.action;
import static io.incident.intake.IntakeApi.createPagerDuty;
import static io.incident.intake.IntakeApi.enqueue;
import static io.incident.intake.IntakeApi.query;
import static io.incident.intake.IntakeApi.trigger;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

/** {@code POST /v2/enqueue} against real PostgreSQL and Kafka, checked the way a PagerDuty client sees it. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class PagerDutyEnqueueTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    IntakeConfig config;

    @TestHTTPResource("/v2/enqueue")
    URI enqueueUri;

    @Test
    @DisplayName("R-REP-3 R-ACK-2 a PagerDuty trigger gets PagerDuty's 202 and becomes one IncidentReported, a standard alert")
    void triggerBecomesIncident() throws Exception {
        IntakeApi.Created pd = createPagerDuty("payments");
        String dedupKey = "checkout-latency-" + UUID.randomUUID();
        Map<String, Object> event = trigger(pd.key(), dedupKey, "warning", "Checkout p99 latency over 2 s");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) event.get("payload");
        payload.put("group", "checkout");
        payload.put("class", "latency");
        payload.put("custom_details", Map.of("p99", "2.4s", "region", "eu-west"));
        event.put("links", List.of(Map.of("href", "https://grafana.example.org/d/checkout", "text", "Latency")));
        event.put("client", "Prometheus");
        event.put("client_url", "https://prometheus.example.org/alerts");

        String body = enqueue(event).statusCode(202).contentType(ContentType.JSON).extract().asString();
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedupKey + "\"}"));

        List<IncidentEvent> events = IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1);
        assertThat(events).hasSize(1);
        IncidentReported reported = (IncidentReported) events.get(0);
        assertThat(reported.channel()).isEqualTo(ReportChannel.PAGERDUTY);
        assertThat(reported.severity()).isEqualTo(Severity.SEV3);
        assertThat(reported.likelyIncident()).as("R-ACK-2 a warning is a standard automated alert (15 minutes)")
                .isFalse();
        assertThat(reported.team()).isEqualTo("payments");
        assertThat(reported.title()).isEqualTo("Checkout p99 latency over 2 s");
        assertThat(reported.description()).contains("Source: db-1.example.org", "Component: postgres",
                "Group: checkout", "Class: latency", "p99: 2.4s", "Sent by: Prometheus");
        assertThat(reported.evidenceLinks()).containsExactly("https://grafana.example.org/d/checkout",
                "https://prometheus.example.org/alerts");
        assertThat(reported.reporterRef()).isNull();
        assertThat(reported.toString()).doesNotContain(pd.key());

        List<List<Object>> stored = query("select raw_payload, integration_id, incident_id from report where id = ?",
                reported.reportId());
        assertThat(stored).hasSize(1);
        JsonNode raw = JSON.readTree((String) stored.get(0).get(0));
        assertThat(raw.path("payload").path("custom_details").path("region").asText()).isEqualTo("eu-west");
        assertThat(raw.path("routing_key").asText()).as("the key is a credential, never stored")
                .isEqualTo("[redacted]");
        assertThat(stored.get(0).get(1)).isEqualTo(UUID.fromString(pd.id()));
        assertThat(stored.get(0).get(2)).isEqualTo(reported.incidentId());
    }

    @Test
    @DisplayName("R-ACK-2 R-SEC-2 a critical PagerDuty alert is SEV1 and likely an incident (5 minutes)")
    void criticalIsLikelyIncident() {
        IntakeApi.Created pd = createPagerDuty("payments");
        String dedupKey = "card-auth-" + UUID.randomUUID();
        enqueue(trigger(pd.key(), dedupKey, "critical", "Card authorisations fail")).statusCode(202);
        IncidentReported reported = (IncidentReported) IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1).get(0);
        assertThat(reported.severity()).isEqualTo(Severity.SEV1);
        assertThat(reported.likelyIncident()).isTrue();
    }

    @Test
    @DisplayName("R-REP-5 the same dedup key twice on one integration makes one incident and one ReportAttached")
    void sameKeyAttaches() {
        IntakeApi.Created pd = createPagerDuty("search");
        String dedupKey = "search-errors-" + UUID.randomUUID();
        enqueue(trigger(pd.key(), dedupKey, "error", "Search returns 500")).statusCode(202)
                .body("dedup_key", equalTo(dedupKey));
        UUID incident = ((IncidentReported) IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1).get(0))
                .incidentId();

        enqueue(trigger(pd.key(), dedupKey, "error", "Search returns 500 again")).statusCode(202)
                .body("dedup_key", equalTo(dedupKey));
        List<IncidentEvent> events = IntakeApi.reportEvents(kafka, about(incident), 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(IncidentReported.class);
        ReportAttached attached = (ReportAttached) events.get(1);
        assertThat(attached.channel()).isEqualTo(ReportChannel.PAGERDUTY);
        assertThat(attached.title()).isEqualTo("Search returns 500 again");
        assertThat(query("select distinct incident_id from report where dedup_key = ?", dedupKey))
                .containsExactly(List.of(incident));
    }

    @Test
    @DisplayName("R-REP-3 a missing severity is called missing, a wrong one invalid; other methods get 405 with Allow")
    void missingInvalidAndMethod() {
        IntakeApi.Created pd = createPagerDuty("search");
        Map<String, Object> noSeverity = trigger(pd.key(), "k-" + UUID.randomUUID(), "error", "No severity");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) noSeverity.get("payload");
        payload.remove("severity");
        enqueue(noSeverity).statusCode(400).body("status", equalTo("invalid event"))
                .body("errors", hasItem("'payload.severity' is missing or blank"));
        payload.put("severity", "sev1");
        enqueue(noSeverity).statusCode(400).body("errors", hasItem(org.hamcrest.Matchers.startsWith(
                "'payload.severity' is invalid")));

        for (String method : List.of("GET", "PUT", "DELETE")) {
            given().request(method, "/v2/enqueue").then().statusCode(405).header("Allow", "POST")
                    .body("errors[0]", equalTo(method + " is not allowed on this path; use POST"));
        }
    }

    @Test
    @DisplayName("R-REP-5 a storm of one dedup key is counted on the incident, not stored and published trigger by trigger")
    void stormOfOneKeyIsCounted() {
        IntakeApi.Created pd = createPagerDuty("search");
        String dedupKey = "search-storm-" + UUID.randomUUID();
        int triggers = 25;
        for (int i = 1; i <= triggers; i++) {
            enqueue(trigger(pd.key(), dedupKey, "error", "Search returns 500, alert " + i)).statusCode(202)
                    .body("dedup_key", equalTo(dedupKey));
        }
        UUID incident = ((IncidentReported) IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1).get(0))
                .incidentId();
        assertThat(query("select count(*) from report where dedup_key = ?", dedupKey))
                .as("the report that opened the incident and the first repeat; the rest are counted")
                .containsExactly(List.of(2L));
        assertThat(query("select repeats_total, repeats_pending, last_payload like ? from alert_dedup"
                + " where dedup_key = ?", "%alert " + triggers + "\"%", dedupKey))
                .containsExactly(List.of(triggers - 1, triggers - 2, true));

        // A minute on, the next repeat tells everything counted since the first.
        given().post("/admin/clock/advance?by=PT61S").then().statusCode(200);
        enqueue(trigger(pd.key(), dedupKey, "error", "Search returns 500, still")).statusCode(202);
        List<IncidentEvent> events = IntakeApi.reportEvents(kafka, about(incident), 3);
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isInstanceOf(ReportAttached.class);
        assertThat(((ReportAttached) events.get(1)).alertCount()).isEqualTo(1);
        ReportAttached summary = (ReportAttached) events.get(2);
        assertThat(summary.alertCount()).as("the repeats since the first one, this one included")
                .isEqualTo(triggers - 1);
        assertThat(summary.title()).isEqualTo("Search returns 500, still");
        assertThat(query("select count(*) from report where dedup_key = ?", dedupKey)).containsExactly(List.of(3L));
    }

    @Test
    @DisplayName("R-REP-5 the same dedup key on two integrations makes two incidents: keys are per routing key")
    void keysArePerIntegration() {
        IntakeApi.Created first = createPagerDuty("search");
        IntakeApi.Created second = createPagerDuty("search");
        String dedupKey = "shared-" + UUID.randomUUID();
        enqueue(trigger(first.key(), dedupKey, "error", "Index lag")).statusCode(202);
        enqueue(trigger(second.key(), dedupKey, "error", "Index lag")).statusCode(202);
        List<IncidentEvent> events = IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 2);
        assertThat(events).hasSize(2).extracting(IncidentEvent::incidentId).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("R-REP-5 a resolve raises ResolveRequested; a trigger with the same key after it opens a new incident")
    void resolveThenTrigger() {
        IntakeApi.Created pd = createPagerDuty("checkout");
        String dedupKey = "disk-full-" + UUID.randomUUID();
        enqueue(trigger(pd.key(), dedupKey, "error", "Disk full on db-1")).statusCode(202);
        UUID first = IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1).get(0).incidentId();

        enqueue(action(pd.key(), "resolve", dedupKey)).statusCode(202).body("dedup_key", equalTo(dedupKey));
        List<IncidentEvent> firstEvents = IntakeApi.reportEvents(kafka, about(first), 2);
        assertThat(firstEvents).hasSize(2);
        ResolveRequested resolve = (ResolveRequested) firstEvents.get(1);
        assertThat(resolve.channel()).isEqualTo(ReportChannel.PAGERDUTY);

        enqueue(trigger(pd.key(), dedupKey, "error", "Disk full on db-1 again")).statusCode(202);
        List<IncidentEvent> reported = IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 2);
        // Two incidents, two record keys: they may sit on different partitions and arrive in either order.
        assertThat(reported).hasSize(2).extracting(IncidentEvent::incidentId).doesNotHaveDuplicates().contains(first);
    }

    @Test
    @DisplayName("an acknowledge raises AcknowledgeRequested for the open incident")
    void acknowledge() {
        IntakeApi.Created pd = createPagerDuty("identity");
        String dedupKey = "login-errors-" + UUID.randomUUID();
        enqueue(trigger(pd.key(), dedupKey, "critical", "Logins fail")).statusCode(202);
        UUID incident = IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1).get(0).incidentId();

        enqueue(action(pd.key(), "acknowledge", dedupKey)).statusCode(202).body("dedup_key", equalTo(dedupKey));
        List<IncidentEvent> events = IntakeApi.reportEvents(kafka, about(incident), 2);
        assertThat(events).hasSize(2);
        AcknowledgeRequested ack = (AcknowledgeRequested) events.get(1);
        assertThat(ack.channel()).isEqualTo(ReportChannel.PAGERDUTY);
        assertThat(query("select title from report where id = ?", ack.reportId()))
                .containsExactly(List.of("PagerDuty acknowledge of Prometheus for identity"));
    }

    @Test
    @DisplayName("acknowledge or resolve of a key with nothing open gets 202, as in PagerDuty, and raises nothing")
    void nothingOpen() {
        IntakeApi.Created pd = createPagerDuty("identity");
        String dedupKey = "never-triggered-" + UUID.randomUUID();
        enqueue(action(pd.key(), "acknowledge", dedupKey)).statusCode(202).body("dedup_key", equalTo(dedupKey));
        enqueue(action(pd.key(), "resolve", dedupKey)).statusCode(202).body("status", equalTo("success"));
        // Events are written only with a report, in one transaction: no report means no event.
        assertThat(query("select id from report where dedup_key = ?", dedupKey)).isEmpty();
        assertThat(query("select dedup_key from alert_dedup where dedup_key = ?", dedupKey)).isEmpty();
    }

    @Test
    @DisplayName("R-REP-3 a trigger without dedup_key gets one: returned in the answer, on the event, usable to resolve")
    void generatedDedupKey() {
        IntakeApi.Created pd = createPagerDuty("payments");
        String dedupKey = enqueue(trigger(pd.key(), null, "info", "Certificate expires in 20 days")).statusCode(202)
                .body("dedup_key", matchesPattern("[0-9a-f]{32}")).extract().path("dedup_key");
        UUID incident = IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1).get(0).incidentId();
        enqueue(action(pd.key(), "resolve", dedupKey)).statusCode(202);
        assertThat(IntakeApi.reportEvents(kafka, about(incident), 2)).hasSize(2).last()
                .isInstanceOf(ResolveRequested.class);
    }

    @Test
    @DisplayName("invalid events get PagerDuty's 400 invalid-event body naming each problem, never problem JSON")
    void invalidEvents() {
        IntakeApi.Created pd = createPagerDuty("payments");
        Map<String, Object> noKey = trigger(pd.key(), "k", "error", "s");
        noKey.remove("routing_key");
        invalid(noKey, "'routing_key' is missing or blank");

        Map<String, Object> badAction = trigger(pd.key(), "k", "error", "s");
        badAction.put("event_action", "escalate");
        invalid(badAction,
                "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");

        invalid(trigger(pd.key(), "k", "error", "x".repeat(1025)),
                "'payload.summary' is too long (maximum is 1024 characters)");
        invalid(trigger(pd.key(), "k", "sev1", "s"),
                "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')");
        invalid("{\"routing_key\": \"" + pd.key() + "\", \"event_action\": ", "Request body is not valid JSON");
        invalid(trigger("0123456789abcdef0123456789abcdef", "k", "error", "s"), "Invalid routing key");
        invalid(trigger("too-short", "k", "error", "s"),
                "Length of 'routing_key' is incorrect (should be 32 characters)");
        given().contentType("text/plain").body("trigger").post("/v2/enqueue").then().statusCode(400)
                .contentType(ContentType.JSON).body("errors", hasItem("Request body is not valid JSON"));
    }

    @Test
    @DisplayName("a body over 512 KB gets 413; one just under is accepted, its details cut in the event, kept in intake")
    void bodySize() {
        IntakeApi.Created pd = createPagerDuty("payments");
        String dedupKey = "big-" + UUID.randomUUID();
        Map<String, Object> big = trigger(pd.key(), dedupKey, "error", "Batch job failed");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) big.get("payload");
        Map<String, Object> details = new LinkedHashMap<>();
        // Each detail is exactly 106 bytes of JSON: 4,900 of them come to just under 512 KB with the rest.
        for (int i = 0; i < 4_900; i++) {
            details.put("line_%05d".formatted(i), "x".repeat(90));
        }
        payload.put("custom_details", details);
        String json = toJson(big);
        assertThat(json.length()).isBetween(500 * 1024, 512 * 1024);

        enqueue(json).statusCode(202);
        IncidentReported reported = (IncidentReported) IntakeApi.reportEvents(kafka, reportedWith(dedupKey), 1).get(0);
        assertThat(reported.description().length()).isLessThan(6_000);
        assertThat(reported.description()).contains("line_00000: ").contains("custom_details cut at");
        String raw = (String) query("select raw_payload from report where id = ?", reported.reportId()).get(0).get(0);
        assertThat(raw).contains("line_04899");

        for (int i = 4_900; i < 5_000; i++) {
            details.put("line_%05d".formatted(i), "x".repeat(90));
        }
        String tooBig = toJson(big);
        assertThat(tooBig.length()).isGreaterThan(512 * 1024);
        enqueue(tooBig).statusCode(413).contentType(ContentType.JSON)
                .body("status", equalTo("invalid event"))
                .body("errors", hasSize(1));
    }

    @Test
    @DisplayName("an integration that sends faster than its rate limit gets 429 with Retry-After; others are unaffected")
    void rateLimit() {
        IntakeApi.Created noisy = createPagerDuty("checkout");
        IntakeApi.Created quiet = createPagerDuty("checkout");
        // Acknowledging a key nobody triggered is accepted and writes nothing: cheap to send in bulk.
        Map<String, Object> ack = action(noisy.key(), "acknowledge", "flood-" + UUID.randomUUID());
        int capacity = config.rateLimit().capacity();
        for (int i = 0; i < capacity; i++) {
            enqueue(ack).statusCode(202);
        }
        // The bucket refills while the burst is sent, so a few more may pass; a limit that never bites fails here.
        int status = 202;
        for (int i = 0; i < capacity && status == 202; i++) {
            var response = enqueue(ack).extract();
            status = response.statusCode();
            if (status == 429) {
                assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
                assertThat(response.contentType()).startsWith("application/json");
                assertThat(response.<String>path("status")).isEqualTo("throttle event");
            }
        }
        assertThat(status).isEqualTo(429);
        enqueue(action(quiet.key(), "acknowledge", "quiet-" + UUID.randomUUID())).statusCode(202);
    }

    @Test
    @DisplayName("the OpenAPI document describes /v2/enqueue beside the scanned resources")
    void openApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/v2/enqueue"))
                .body(org.hamcrest.Matchers.containsString("/integrations"));
    }

    @Test
    @DisplayName("R-REP-5 two concurrent triggers with one new dedup key open exactly one incident; the other attaches")
    void concurrentTriggers() throws Exception {
        IntakeApi.Created pd = createPagerDuty("payments");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // Several rounds, because one race may happen not to overlap; each round must come out right.
            for (int round = 0; round < 5; round++) {
                String dedupKey = "race-" + round + "-" + UUID.randomUUID();
                String body = toJson(trigger(pd.key(), dedupKey, "critical", "Payments API down"));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    sent.add(threads.submit(() -> {
                        start.await();
                        return http.send(HttpRequest.newBuilder(enqueueUri).header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }));
                }
                for (Future<HttpResponse<String>> response : sent) {
                    assertThat(response.get().statusCode()).isEqualTo(202);
                    assertThat(JSON.readTree(response.get().body()).path("dedup_key").asText()).isEqualTo(dedupKey);
                }

                List<List<Object>> reports = query("select id, incident_id from report where dedup_key = ?", dedupKey);
                assertThat(reports).hasSize(2);
                assertThat(reports.stream().map(r -> r.get(1)).distinct()).hasSize(1);
                Set<UUID> reportIds = reports.stream().map(r -> (UUID) r.get(0)).collect(Collectors.toSet());
                List<IncidentEvent> events = IntakeApi.reportEvents(kafka, e -> reportIds.contains(reportId(e)), 2);
                assertThat(events).hasSize(2);
                assertThat(events).filteredOn(IncidentReported.class::isInstance).hasSize(1);
                assertThat(events).filteredOn(ReportAttached.class::isInstance).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void invalid(Object body, String error) {
        String answer = enqueue(body).statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo("invalid event"))
                .body("message", equalTo("Event object is invalid"))
                .body("errors", hasItem(error))
                .extract().asString();
        assertThat(answer).doesNotContain("\"title\"").doesNotContain("\"type\"");
    }

    private static Predicate<IncidentEvent> reportedWith(String dedupKey) {
        return e -> e instanceof IncidentReported r && dedupKey.equals(r.dedupKey());
    }

    private static Predicate<IncidentEvent> about(UUID incident) {
        return e -> e != null && incident.equals(e.incidentId());
    }

    private static UUID reportId(IncidentEvent event) {
        if (event instanceof IncidentReported r) {
            return r.reportId();
        } else if (event instanceof ReportAttached a) {
            return a.reportId();
        }
        return null;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
