package io.incident.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.ws.rs.Path;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Trace context in and out of CloudEvents headers and outbox rows, on the SDK's W3C propagator. */
class TracingTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN_ID = "b7ad6b7169203331";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final Tracing tracing = Tracing.create("tracing-test", List.of(exported));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    @DisplayName("ce_traceparent names the remote parent; the span started from it joins that trace")
    void continuesTheProducersTrace() {
        Context parent = tracing.parentFromCloudEvent(Map.of("ce_id", "x", CloudEventTraceHeaders.TRACEPARENT,
                TRACEPARENT, CloudEventTraceHeaders.TRACESTATE, "vendor=abc"));
        SpanContext remote = Span.fromContext(parent).getSpanContext();
        assertThat(remote.isRemote()).isTrue();
        assertThat(remote.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(remote.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(remote.getTraceState().get("vendor")).isEqualTo("abc");

        Span child = tracing.startSpan("process incident.reports", SpanKind.CONSUMER, parent);
        assertThat(child.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
        child.end();
    }

    @Test
    @DisplayName("a record without a ce_traceparent, or with one that does not parse, starts a new trace")
    void missingOrMalformedParentStartsANewTrace() {
        for (Map<String, String> headers : List.of(Map.of("ce_id", "x"),
                Map.of(CloudEventTraceHeaders.TRACEPARENT, "00-not-a-trace-01"),
                Map.of(CloudEventTraceHeaders.TRACEPARENT, "00-" + "0".repeat(32) + "-" + SPAN_ID + "-01"))) {
            Context parent = tracing.parentFromCloudEvent(headers);
            assertThat(Span.fromContext(parent).getSpanContext().isValid()).as(headers.toString()).isFalse();
            Span root = tracing.startSpan("process", SpanKind.CONSUMER, parent);
            assertThat(root.getSpanContext().isValid()).isTrue();
            assertThat(root.getSpanContext().getTraceId()).isNotEqualTo(TRACE_ID);
            root.end();
        }
    }

    @Test
    @DisplayName("inside an active span the outbox reads its traceparent and the log MDC carries its ids")
    void activeSpanIsCurrentAndLogged() {
        assertThat(tracing.currentTraceparent()).isEmpty();
        MDC.put(Tracing.MDC_TRACE_ID, "outer");
        Span span = tracing.startSpan("POST /reports", SpanKind.SERVER, tracing.parentFromTraceparent(TRACEPARENT));
        try (Tracing.ActiveSpan ignored = tracing.activate(span)) {
            assertThat(tracing.currentTraceparent().orElseThrow())
                    .matches("00-" + TRACE_ID + "-" + span.getSpanContext().getSpanId() + "-0[13]");
            assertThat(MDC.get(Tracing.MDC_TRACE_ID)).isEqualTo(TRACE_ID);
            assertThat(MDC.get(Tracing.MDC_SPAN_ID)).isEqualTo(span.getSpanContext().getSpanId());
        } finally {
            span.end();
        }
        assertThat(tracing.currentTraceparent()).as("the scope closed").isEmpty();
        assertThat(MDC.get(Tracing.MDC_TRACE_ID)).as("the previous value is back").isEqualTo("outer");
        assertThat(MDC.get(Tracing.MDC_SPAN_ID)).isNull();
        MDC.remove(Tracing.MDC_TRACE_ID);
    }

    @Test
    @DisplayName("the span is written as ce_traceparent in W3C form")
    void injectsCloudEventHeader() {
        Span span = tracing.startSpan("send", SpanKind.PRODUCER, Context.root());
        Map<String, String> headers = new HashMap<>();
        tracing.injectCloudEvent(span, headers);
        span.end();
        assertThat(headers).containsOnlyKeys(CloudEventTraceHeaders.TRACEPARENT);
        // The flags say "sampled" and, as the SDK marks its own trace ids, "random" (W3C level 2): 01 or 03.
        assertThat(headers.get(CloudEventTraceHeaders.TRACEPARENT)).matches("00-"
                + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-0[13]");
    }

    @Test
    @DisplayName("tracing off: nothing is read, written or recorded, and nothing fails")
    void disabledIsSilent() {
        Tracing off = Tracing.disabled();
        Context parent = off.parentFromCloudEvent(Map.of(CloudEventTraceHeaders.TRACEPARENT, TRACEPARENT));
        assertThat(Span.fromContext(parent).getSpanContext().isValid()).isFalse();
        Span span = off.startSpan("process", SpanKind.CONSUMER, parent);
        try (Tracing.ActiveSpan ignored = off.activate(span)) {
            assertThat(off.currentTraceparent()).isEmpty();
            assertThat(MDC.get(Tracing.MDC_TRACE_ID)).isNull();
            Map<String, String> headers = new HashMap<>();
            off.injectCloudEvent(span, headers);
            assertThat(headers).isEmpty();
        } finally {
            span.end();
        }
        off.flush();
        off.close();
    }

    @Path("/incidents")
    static class SampleResource {
        @Path("{id: [0-9a-f-]+}/acknowledge")
        public void acknowledge() {
        }

        public void list() {
        }
    }

    @Path("reports/")
    static class Unslashed {
        @Path("/{id}/")
        public void one() {
        }
    }

    @Test
    @DisplayName("server spans are named by the route template, without path-parameter patterns")
    void routeTemplates() throws Exception {
        assertThat(HttpServerTracing.route(SampleResource.class, SampleResource.class.getMethod("acknowledge")))
                .isEqualTo("/incidents/{id}/acknowledge");
        assertThat(HttpServerTracing.route(SampleResource.class, SampleResource.class.getMethod("list")))
                .isEqualTo("/incidents");
        assertThat(HttpServerTracing.route(Unslashed.class, Unslashed.class.getMethod("one")))
                .isEqualTo("/reports/{id}");
    }

    @Test
    @DisplayName("the OTLP endpoint is the collector's base URL; traces go to its /v1/traces")
    void otlpTracesUrl() {
        assertThat(TracingProducer.tracesUrl(URI.create("http://collector:4318")))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(TracingProducer.tracesUrl(URI.create("http://collector:4318/")))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(TracingProducer.tracesUrl(URI.create("https://otel.example.org/v1/traces")))
                .isEqualTo("https://otel.example.org/v1/traces");
    }
}
