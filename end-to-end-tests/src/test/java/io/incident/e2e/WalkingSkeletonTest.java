package io.incident.e2e;

import io.incident.events.CloudEventHeaders;
import io.incident.events.Topics;
import io.incident.local.Service;
import io.incident.local.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The five packaged services as separate processes, on one real broker and one real database, started exactly
 * as {@code ./stack up} starts them (free ports, a throw-away folder).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonTest {

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stacks.start("incident-e2e");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("R-REP-5 R-DOC-1 a REST report reaches the document, the commander, the deadlines and notification")
    void reportReachesEveryService() {
        UUID incident = report("Checkout returns 502 for all users", "payments");

        Response document = awaitDocument(incident);
        assertThat(document.jsonPath().getString("trackingId")).startsWith("INC-");
        assertThat(document.jsonPath().getList("timeline.findAll { it.kind == 'reported' }.text", String.class))
                .singleElement().asString().contains("Checkout returns 502 for all users");
        observer().accept(ContentType.HTML).get(stack.url(Service.DOCS) + "/incidents/" + incident + "/document")
                .then().statusCode(200).body(containsString("Checkout returns 502 for all users"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> observer()
                .get(stack.url(Service.COMMANDER) + "/incidents/" + incident)
                .then().statusCode(200).body("state", equalTo("REPORTED")).body("team", equalTo("payments")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(observer()
                .get(stack.url(Service.DEADLINE) + "/incidents/" + incident + "/deadlines")
                .then().statusCode(200).extract().jsonPath().getList("kind")).containsExactly("ACKNOWLEDGE"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> observer().get(stack.url(Service.NOTIFICATION) + "/")
                .then().statusCode(200).body(containsString(incident.toString())));
    }

    @Test
    @Order(2)
    @DisplayName("a Kafka consumer sees IncidentReported with CloudEvents headers and the incident id as key")
    void eventOnTheTopic() {
        UUID incident = report("Login page times out", "identity");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.REPORTS));
            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (incident.toString().equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });
            Map<String, String> headers = new HashMap<>();
            mine.get(0).headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(headers)
                    .containsEntry(CloudEventHeaders.TYPE, "io.incident.reported.v1")
                    .containsEntry(CloudEventHeaders.SOURCE, "/intake-service")
                    .containsEntry(CloudEventHeaders.SUBJECT, incident.toString())
                    .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION);
            assertThat(mine.get(0).value()).contains("Login page times out");
        }
    }

    @Test
    @Order(3)
    @DisplayName("kill -9 of the docs service: reports sent while it is down reach their documents once")
    void consumerKilled() throws Exception {
        UUID before = report("Before the crash", "payments");
        awaitDocument(before);

        stack.service(Service.DOCS).kill();
        List<UUID> whileDown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            whileDown.add(report("Reported while docs is down #" + i, "payments"));
        }
        stack.restart(Service.DOCS);

        for (UUID incident : whileDown) {
            assertThat(reportedEntries(awaitDocument(incident))).hasSize(1);
        }
        assertThat(reportedEntries(document(before))).as("no double effect on redelivery").hasSize(1);
    }

    @Test
    @Order(4)
    @DisplayName("kill -9 of intake right after it accepted reports: every accepted report is published")
    void producerKilled() throws Exception {
        List<UUID> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accepted.add(report("Burst before intake dies #" + i, "search"));
        }
        stack.service(Service.INTAKE).kill();
        stack.restart(Service.INTAKE);

        for (UUID incident : accepted) {
            assertThat(reportedEntries(awaitDocument(incident))).hasSize(1);
        }
    }

    @Test
    @Order(5)
    @DisplayName("kill -9 of commander, deadline and notification: each records a report once after restart")
    void otherConsumersKilled() throws Exception {
        for (Service s : List.of(Service.COMMANDER, Service.DEADLINE, Service.NOTIFICATION)) {
            stack.service(s).kill();
        }
        UUID incident = report("Reported while three services are down", "payments");
        for (Service s : List.of(Service.COMMANDER, Service.DEADLINE, Service.NOTIFICATION)) {
            stack.restart(s);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> observer()
                .get(stack.url(Service.COMMANDER) + "/incidents/" + incident)
                .then().statusCode(200).body("reportCount", equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(observer()
                .get(stack.url(Service.DEADLINE) + "/incidents/" + incident + "/deadlines")
                .then().statusCode(200).extract().jsonPath().getList("kind")).containsExactly("ACKNOWLEDGE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> observer().get(stack.url(Service.NOTIFICATION) + "/")
                .then().statusCode(200).body(containsString(incident.toString())));
    }

    /** Reads need a signed-in caller; reports do not (R-REP-1). */
    private static RequestSpecification observer() {
        return given().header("Authorization", "Bearer " + stack.tokens().token("observer-1", "responder"));
    }

    private static UUID report(String title, String team) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("title", title, "team", team, "reporter", "reporter@example.org"))
                .post(stack.url(Service.INTAKE) + "/reports")
                .then().statusCode(202).extract().path("incidentId");
        return UUID.fromString(id);
    }

    private static List<Object> reportedEntries(Response document) {
        return document.jsonPath().getList("timeline.findAll { it.kind == 'reported' }");
    }

    private static Response awaitDocument(UUID incident) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> document(incident).statusCode() == 200);
        return document(incident);
    }

    private static Response document(UUID incident) {
        return observer().accept(ContentType.JSON).get(stack.url(Service.DOCS) + "/incidents/" + incident + "/document");
    }
}
