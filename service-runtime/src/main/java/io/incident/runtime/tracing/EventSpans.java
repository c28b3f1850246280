package io.incident.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;

import java.util.UUID;

/**
 * The spans of the Kafka hops, with the OpenTelemetry messaging and CloudEvents attribute names, so that a tracing
 * back end shows them as a producer and a consumer of the same message.
 */
public final class EventSpans {

    private EventSpans() {
    }

    /** The relay sending one outbox row: a PRODUCER span, child of the span that wrote the row. */
    public static Span startSend(Tracing tracing, Context parent, String topic, String key, UUID eventId,
                                 String type, String source, UUID subject) {
        return common(tracing.tracer().spanBuilder("send " + topic), SpanKind.PRODUCER, parent, "send", topic,
                eventId, type, source, subject)
                .setAttribute("messaging.kafka.message.key", key)
                .startSpan();
    }

    /** A consumer applying one record: a CONSUMER span, child of the producer span named by its headers. */
    public static Span startProcess(Tracing tracing, Context parent, String topic, int partition, long offset,
                                    String consumer, UUID eventId, String type, String source, UUID subject) {
        return common(tracing.tracer().spanBuilder("process " + topic), SpanKind.CONSUMER, parent, "process", topic,
                eventId, type, source, subject)
                .setAttribute("messaging.destination.partition.id", String.valueOf(partition))
                .setAttribute("messaging.kafka.offset", offset)
                .setAttribute("incident.inbox.consumer", consumer)
                .startSpan();
    }

    private static SpanBuilder common(SpanBuilder builder, SpanKind kind, Context parent, String operation,
                                      String topic, UUID eventId, String type, String source, UUID subject) {
        return builder.setSpanKind(kind)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", operation)
                .setAttribute("messaging.operation.name", operation)
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId.toString())
                .setAttribute("cloudevents.event_id", eventId.toString())
                .setAttribute("cloudevents.event_type", type)
                .setAttribute("cloudevents.event_source", source)
                .setAttribute("cloudevents.event_subject", subject.toString());
    }
}
