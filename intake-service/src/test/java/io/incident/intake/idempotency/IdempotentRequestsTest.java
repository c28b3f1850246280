package io.incident.intake.idempotency;

import io.incident.events.IncidentReported;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Idempotency-Key on POST /reports and POST /questions, against the real database and broker. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class IdempotentRequestsTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final String REPORTED = "io.incident.reported.v1";
    private static final String QUESTION_ASKED = "io.incident.question.asked.v1";

    @Inject
    IdempotencyKeys keys;

    @Inject
    Clock clock;

    @Test
    @DisplayName("the same report sent twice with one key answers the same ids and Location and opens one incident")
    void replayedReport() {
        String key = UUID.randomUUID().toString();
        String title = "Checkout returns 502 " + key;
        ExtractableResponse<Response> first = postReport(key, Map.of("title", title, "team", "payments",
                "description", "Since 09:10 UTC", "severity", "SEV2"));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.header(IdempotencyHeader.REPLAYED)).isNull();

        // The same request spelled differently (member order, spacing, an explicit null, an unknown member).
        ExtractableResponse<Response> second = given().contentType(ContentType.JSON)
                .header(IdempotencyKey.HEADER, key)
                .body("{ \"severity\" : \"SEV2\", \"team\":\"payments\", \"reporter\": null, \"extra\": 1,\n"
                        + "  \"description\":\"Since 09:10 UTC\", \"title\": \"" + title + "\" }")
                .post("/reports").then().extract();
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.header(IdempotencyHeader.REPLAYED)).isEqualTo("true");
        assertThat(second.<String>path("reportId")).isEqualTo(first.path("reportId"));
        assertThat(second.<String>path("incidentId")).isEqualTo(first.path("incidentId"));
        assertThat(second.<String>path("receivedAt")).isEqualTo(first.path("receivedAt"));
        assertThat(second.<String>path("document")).isEqualTo(first.path("document"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).contains("/reports/");

        UUID incident = UUID.fromString(first.path("incidentId"));
        assertThat(reportsTitled(title)).isEqualTo(1);
        assertThat(outboxEvents(incident, REPORTED)).isEqualTo(1);
        // Asking for two and getting one: a second IncidentReported would be on the topic well within the wait,
        // as the relay publishes right after each commit.
        List<IncidentReported> onTopic = IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported r && r.incidentId().equals(incident), 2).stream()
                .map(IncidentReported.class::cast).toList();
        assertThat(onTopic).hasSize(1);
    }

    @Test
    @DisplayName("a key sent with a different report is refused with 422 problem JSON and creates nothing")
    void differentBody() {
        String key = UUID.randomUUID().toString();
        String title = "Search is slow " + key;
        String reportId = postReport(key, Map.of("title", title, "team", "search")).path("reportId");

        given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key)
                .body(Map.of("title", title, "team", "search", "severity", "SEV1"))
                .post("/reports").then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Idempotency-Key reused"))
                .body("detail", containsString("This Idempotency-Key was used for a different request"))
                .body("header", equalTo("Idempotency-Key"));
        assertThat(reportsTitled(title)).isEqualTo(1);

        // The refusal changed nothing: the original request still gets its answer.
        ExtractableResponse<Response> again = postReport(key, Map.of("title", title, "team", "search"));
        assertThat(again.header(IdempotencyHeader.REPLAYED)).isEqualTo("true");
        assertThat(again.<String>path("reportId")).isEqualTo(reportId);
    }

    @Test
    @DisplayName("a header that is not a key gets 400 problem JSON naming the header, and nothing is accepted")
    void invalidKeys() {
        String title = "Bad key " + UUID.randomUUID();
        Map<String, Object> body = Map.of("title", title, "team", "payments");
        for (String bad : List.of("", "k".repeat(201), "schl\u00fcssel")) {
            given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, bad).body(body)
                    .post("/reports").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Invalid Idempotency-Key"))
                    .body("header", equalTo("Idempotency-Key"))
                    .body("detail", containsString("Idempotency-Key"));
        }
        given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, "one")
                .header(IdempotencyKey.HEADER, "two").body(body)
                .post("/reports").then().statusCode(400).body("detail", containsString("2 times"));
        given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, "").body(Map.of("team", "payments",
                        "text", "Is this an incident?", "contact", "kim@example.org"))
                .post("/questions").then().statusCode(400).body("header", equalTo("Idempotency-Key"));
        assertThat(reportsTitled(title)).isZero();
        // The longest key allowed is a key.
        postReport("k".repeat(199) + UUID.randomUUID().toString().substring(0, 1), body);
    }

    @Test
    @DisplayName("8 concurrent requests with one key create one report; the other 7 are answered as replays")
    void concurrentRequests() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "Payments queue stuck " + key;
        Map<String, Object> body = Map.of("title", title, "team", "payments");
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<ExtractableResponse<Response>> send = () -> {
                    ready.countDown();
                    go.await();
                    return postReport(key, body);
                };
                futures.add(pool.submit(send));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<ExtractableResponse<Response>> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(202);
        Set<String> reportIds = answers.stream().map(a -> a.<String>path("reportId")).collect(Collectors.toSet());
        assertThat(reportIds).hasSize(1);
        assertThat(answers.stream().filter(a -> a.header(IdempotencyHeader.REPLAYED) == null)).hasSize(1);
        assertThat(answers.stream().map(a -> a.header("Location")).distinct()).hasSize(1);
        UUID incident = UUID.fromString(answers.get(0).path("incidentId"));
        assertThat(reportsTitled(title)).isEqualTo(1);
        assertThat(outboxEvents(incident, REPORTED)).isEqualTo(1);
    }

    @Test
    @DisplayName("a key lives for the 24 h retention: a day-old key is free again, and the purge removes it")
    void retention() {
        assertThat(keys.retention()).isEqualTo(Duration.ofHours(24));
        String key = UUID.randomUUID().toString();
        String title = "Login fails " + key;
        Map<String, Object> body = Map.of("title", title, "team", "identity");
        String first = postReport(key, body).path("reportId");

        age(key, Duration.ofHours(23));
        ExtractableResponse<Response> withinRetention = postReport(key, body);
        assertThat(withinRetention.header(IdempotencyHeader.REPLAYED)).isEqualTo("true");
        assertThat(withinRetention.<String>path("reportId")).isEqualTo(first);

        age(key, Duration.ofHours(2));
        ExtractableResponse<Response> afterRetention = postReport(key, body);
        assertThat(afterRetention.header(IdempotencyHeader.REPLAYED)).isNull();
        String second = afterRetention.path("reportId");
        assertThat(second).isNotEqualTo(first);
        assertThat(reportsTitled(title)).isEqualTo(2);
        // The key now names the new report.
        assertThat(postReport(key, body).<String>path("reportId")).isEqualTo(second);

        String fresh = UUID.randomUUID().toString();
        postReport(fresh, Map.of("title", "Fresh " + fresh, "team", "identity"));
        age(key, Duration.ofHours(25));
        assertThat(keys.purgeExpired(clock.instant())).isPositive();
        assertThat(IntakeApi.query("select count(*) from idempotency_key where key = ?", key).get(0).get(0))
                .isEqualTo(0L);
        assertThat(IntakeApi.query("select count(*) from idempotency_key where key = ?", fresh).get(0).get(0))
                .as("a key within its retention survives the purge").isEqualTo(1L);
    }

    @Test
    @DisplayName("a refused report does not use up its key; without the header every request is a new report")
    void refusalsAndNoHeader() {
        String key = UUID.randomUUID().toString();
        String title = "Refused first " + key;
        given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key)
                .body(Map.of("title", title, "team", "Not A Team")).post("/reports").then().statusCode(400);
        ExtractableResponse<Response> taken = postReport(key, Map.of("title", title, "team", "payments"));
        assertThat(taken.header(IdempotencyHeader.REPLAYED)).isNull();

        String plain = "No key " + key;
        String a = given().contentType(ContentType.JSON).body(Map.of("title", plain, "team", "payments"))
                .post("/reports").then().statusCode(202).extract().path("reportId");
        ExtractableResponse<Response> b = given().contentType(ContentType.JSON)
                .body(Map.of("title", plain, "team", "payments")).post("/reports").then().statusCode(202).extract();
        assertThat(b.header(IdempotencyHeader.REPLAYED)).isNull();
        assertThat(b.<String>path("reportId")).isNotEqualTo(a);
        assertThat(reportsTitled(plain)).isEqualTo(2);
    }

    @Test
    @DisplayName("the OpenAPI document describes the header on both endpoints")
    void documented() {
        String openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath doc = io.restassured.path.json.JsonPath.from(openapi);
        for (String path : List.of("/reports", "/questions")) {
            List<String> headers = doc.getList("paths.'" + path + "'.post.parameters.findAll { it.in == 'header' }.name");
            assertThat(headers).as(path).contains(IdempotencyKey.HEADER);
        }
    }

    @Test
    @DisplayName("R-REP-7 the same question asked twice with one key is asked once; a different one gets 422")
    void replayedQuestion() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("team", "payments", "text", "Refunds look slow, incident? " + key,
                "contact", "kim@example.org");
        ExtractableResponse<Response> first = postQuestion(key, body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header(IdempotencyHeader.REPLAYED)).isNull();
        ExtractableResponse<Response> second = postQuestion(key, body);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header(IdempotencyHeader.REPLAYED)).isEqualTo("true");
        assertThat(second.<String>path("questionId")).isEqualTo(first.path("questionId"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).contains("/questions/");

        String questionId = first.path("questionId");
        UUID incident = UUID.fromString(IntakeApi.query("select incident_id::text from question where id = ?::uuid",
                questionId).get(0).get(0).toString());
        assertThat(outboxEvents(incident, QUESTION_ASKED)).isEqualTo(1);
        assertThat(IntakeApi.query("select count(*) from question where text = ?", body.get("text")).get(0).get(0))
                .isEqualTo(1L);

        given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key)
                .body(Map.of("team", "payments", "text", "Something else " + key, "contact", "kim@example.org"))
                .post("/questions").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("POST /questions"));

        // A key names a request on one endpoint: the same key on /reports is another request.
        assertThat(postReport(key, Map.of("title", "Same key " + key, "team", "payments"))
                .header(IdempotencyHeader.REPLAYED)).isNull();
    }

    private static ExtractableResponse<Response> postReport(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key).body(body)
                .post("/reports").then().statusCode(202).extract();
    }

    private static ExtractableResponse<Response> postQuestion(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key).body(body)
                .post("/questions").then().statusCode(201).extract();
    }

    private static long reportsTitled(String title) {
        return (Long) IntakeApi.query("select count(*) from report where title = ?", title).get(0).get(0);
    }

    private static long outboxEvents(UUID incident, String type) {
        return (Long) IntakeApi.query("select count(*) from outbox_event where subject = ? and event_type = ?",
                incident, type).get(0).get(0);
    }

    /** Moves a key's claim into the past, as if it had been made {@code by} earlier. */
    private static void age(String key, Duration by) {
        IntakeApi.query("with aged as (update idempotency_key set created_at = created_at - ?::interval "
                + "where key = ? returning 1) select count(*) from aged", by.toSeconds() + " seconds", key);
    }
}
