package io.incident.runtime.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The service's one OpenTelemetry SDK: W3C trace context, batched export, and the few operations the HTTP filter,
 * the outbox, the relay and the event receiver need. Built without the global {@code GlobalOpenTelemetry}, so nothing
 * else in the process (the Kafka connector's own tracing, say) starts spans of its own, and tests can run several.
 *
 * <p>Disabled, it is a no-op: spans are not recorded and no trace context is read or written anywhere.
 */
public final class Tracing implements AutoCloseable {

    /** MDC keys, so every log line written inside a server or consumer span names its trace. */
    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";

    static final String INSTRUMENTATION_SCOPE = "io.incident.runtime";
    private static final String TRACEPARENT = "traceparent";
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    private Tracing(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
        OpenTelemetry api = sdk == null ? OpenTelemetry.noop() : sdk;
        this.tracer = api.getTracer(INSTRUMENTATION_SCOPE);
        this.propagator = sdk == null ? TextMapPropagator.noop() : W3CTraceContextPropagator.getInstance();
    }

    /** Records spans and hands them to every exporter, each behind its own batch processor. */
    public static Tracing create(String serviceName, List<? extends SpanExporter> exporters) {
        SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))));
        for (SpanExporter exporter : exporters) {
            provider.addSpanProcessor(BatchSpanProcessor.builder(exporter).build());
        }
        return new Tracing(OpenTelemetrySdk.builder()
                .setTracerProvider(provider.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build());
    }

    public static Tracing disabled() {
        return new Tracing(null);
    }

    public boolean enabled() {
        return sdk != null;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** The W3C {@code traceparent} of the span current on this thread, if there is one: what an outbox row keeps. */
    public Optional<String> currentTraceparent() {
        if (!enabled()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /**
     * The remote parent named by a stored {@code traceparent}, or the root context (a new trace) when there is none
     * or it does not parse: a bad trace header never costs an event.
     */
    public Context parentFromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return extract(Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }

    /** The remote parent carried by a record's {@code ce_traceparent} / {@code ce_tracestate} headers. */
    public Context parentFromCloudEvent(Map<String, String> headers) {
        return extract(headers, CloudEventTraceHeaders.GETTER);
    }

    /**
     * Reads a remote parent from any carrier. Starts from the root context, never from whatever is current on the
     * thread: a pooled thread must not lend one request's trace to the next.
     */
    public <C> Context extract(C carrier, TextMapGetter<C> getter) {
        if (!enabled()) {
            return Context.root();
        }
        return propagator.extract(Context.root(), carrier, getter);
    }

    /** Adds {@code ce_traceparent} (and {@code ce_tracestate}, if any) for {@code span} to a record's headers. */
    public void injectCloudEvent(Span span, Map<String, String> headers) {
        propagator.inject(Context.root().with(span), headers, CloudEventTraceHeaders.SETTER);
    }

    public Span startSpan(String name, SpanKind kind, Context parent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /**
     * Makes {@code span} current on this thread, and its ids the log MDC's {@code traceId} and {@code spanId}, until
     * the returned scope is closed on the same thread.
     */
    public ActiveSpan activate(Span span) {
        SpanContext context = span.getSpanContext();
        Scope scope = span.makeCurrent();
        if (!context.isValid()) {
            return new ActiveSpan(scope, null, null, false);
        }
        Object previousTrace = MDC.put(MDC_TRACE_ID, context.getTraceId());
        Object previousSpan = MDC.put(MDC_SPAN_ID, context.getSpanId());
        return new ActiveSpan(scope, previousTrace, previousSpan, true);
    }

    /** Exports every finished span now; for tests and for shutdown. */
    public void flush() {
        if (sdk != null) {
            sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        }
    }

    /** Exports what is still buffered and stops the exporters. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** A span made current; closing it restores the thread's previous context and log MDC. */
    public static final class ActiveSpan implements AutoCloseable {
        private final Scope scope;
        private final Object previousTrace;
        private final Object previousSpan;
        private final boolean mdcSet;

        private ActiveSpan(Scope scope, Object previousTrace, Object previousSpan, boolean mdcSet) {
            this.scope = scope;
            this.previousTrace = previousTrace;
            this.previousSpan = previousSpan;
            this.mdcSet = mdcSet;
        }

        @Override
        public void close() {
            scope.close();
            if (mdcSet) {
                restore(MDC_TRACE_ID, previousTrace);
                restore(MDC_SPAN_ID, previousSpan);
            }
        }

        private static void restore(String key, Object previous) {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
