package io.incident.runtime.tracing;

import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.incident.testkit.TestEvents;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across a request and two Kafka hops, in a service built from the runtime alone: the HTTP filter, the
 * outbox, the relay and the event receiver against real PostgreSQL and Kafka.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class TracingAcrossKafkaTest {

    @Inject
    InMemorySpanExporter exported;

    @Inject
    Tracing tracing;

    @Inject
    TracedConsumer consumer;

    @Test
    @DisplayName("request, Kafka, consumer, Kafka, consumer: one trace, each span the child of the one before")
    void oneTraceAcrossTheHops() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        UUID incident = UUID.randomUUID();

        String mdcDuringRequest = given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .post("/tracing-test/incidents/" + incident + "/report")
                .then().statusCode(200).extract().asString();
        assertThat(mdcDuringRequest).as("the request's log lines carry the trace id").isEqualTo(traceId);

        List<SpanData> trace = awaitSpans(traceId, 5);
        SpanData server = only(trace, SpanKind.SERVER);
        List<SpanData> sends = of(trace, SpanKind.PRODUCER);
        List<SpanData> processes = of(trace, SpanKind.CONSUMER);
        assertThat(sends).hasSize(2);
        assertThat(processes).hasSize(2);

        assertThat(server.getName()).isEqualTo("POST /tracing-test/incidents/{incident}/report");
        assertThat(server.getParentSpanId()).as("continues the caller's traceparent").isEqualTo(callerSpanId);
        assertThat(server.getAttributes().asMap().toString()).contains("http.response.status_code=200");

        assertThat(sends.get(0).getName()).isEqualTo("send incident.reports");
        assertThat(sends.get(0).getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(processes.get(0).getName()).isEqualTo("process incident.reports");
        assertThat(processes.get(0).getParentSpanId()).as("the consumer continues the record's ce_traceparent")
                .isEqualTo(sends.get(0).getSpanId());
        assertThat(sends.get(1).getParentSpanId()).as("the event the consumer raised carries its trace")
                .isEqualTo(processes.get(0).getSpanId());
        assertThat(processes.get(1).getParentSpanId()).isEqualTo(sends.get(1).getSpanId());

        assertThat(consumer.handled(incident)).extracting(TracedConsumer.Handled::mdcTraceId)
                .as("the consumers' log lines carry the trace id").containsOnly(traceId).hasSize(2);
    }

    @Test
    @DisplayName("a record without ce_traceparent starts a new trace, which the events it raises carry on")
    void untracedRecordStartsATrace() {
        UUID incident = UUID.randomUUID();
        consumer.follow(incident);
        KafkaTestClient.shared().publish(TestEvents.reported(incident, "Reported by a producer that does not trace"));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.handled(incident).size() == 2);
        String traceId = consumer.handled(incident).get(0).mdcTraceId();
        assertThat(traceId).isNotBlank();

        List<SpanData> trace = awaitSpans(traceId, 3);
        List<SpanData> processes = of(trace, SpanKind.CONSUMER);
        assertThat(processes).hasSize(2);
        assertThat(processes.get(0).getParentSpanContext().isValid()).as("a root span").isFalse();
        assertThat(only(trace, SpanKind.PRODUCER).getParentSpanId()).isEqualTo(processes.get(0).getSpanId());
        assertThat(consumer.handled(incident).get(1).mdcTraceId()).isEqualTo(traceId);
    }

    @Test
    @DisplayName("management endpoints under /q/ make no spans")
    void managementIsNotTraced() {
        String traceId = randomHex(16);
        given().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01").get("/q/health/live")
                .then().statusCode(200);
        given().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01").get("/admin/clock")
                .then().statusCode(200);
        List<SpanData> trace = awaitSpans(traceId, 1);
        assertThat(trace).extracting(SpanData::getName).containsExactly("GET /admin/clock");
    }

    private List<SpanData> awaitSpans(String traceId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            tracing.flush();
            return exported.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                    .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        }, spans -> spans.size() >= count);
    }

    private static List<SpanData> of(List<SpanData> spans, SpanKind kind) {
        return spans.stream().filter(s -> s.getKind() == kind).toList();
    }

    private static SpanData only(List<SpanData> spans, SpanKind kind) {
        List<SpanData> matching = of(spans, kind);
        assertThat(matching).as(kind + " spans").hasSize(1);
        return matching.get(0);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
