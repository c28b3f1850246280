package io.incident.runtime.tracing;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CloudEvents distributed-tracing extension in the Kafka binary binding: W3C {@code traceparent} and
 * {@code tracestate} travel as the {@code ce_traceparent} and {@code ce_tracestate} record headers, beside the
 * event's other attributes, so any CloudEvents-aware consumer can continue the trace.
 */
public final class CloudEventTraceHeaders {

    public static final String PREFIX = "ce_";
    public static final String TRACEPARENT = PREFIX + "traceparent";
    public static final String TRACESTATE = PREFIX + "tracestate";

    static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> headers) {
            return headers.keySet().stream().filter(k -> k.startsWith(PREFIX))
                    .map(k -> k.substring(PREFIX.length())).collect(Collectors.toList());
        }

        @Override
        public String get(Map<String, String> headers, String key) {
            return headers == null ? null : headers.get(PREFIX + key);
        }
    };

    static final TextMapSetter<Map<String, String>> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.put(PREFIX + key, value);
        }
    };

    private CloudEventTraceHeaders() {
    }
}
