package io.incident.runtime.outbox;

import io.incident.events.CloudEventHeaders;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A row of the outbox as the relay sends it.
 *
 * @param traceparent the W3C trace context of the span that wrote the event; null if it was written outside a trace
 */
public record OutboxMessage(long id, UUID eventId, String topic, String type, String source, UUID subject,
                            Instant occurredAt, String payload, String traceparent) {

    public String key() {
        return subject.toString();
    }

    public Map<String, String> headers() {
        return CloudEventHeaders.binary(eventId, source, type, occurredAt, subject);
    }
}
