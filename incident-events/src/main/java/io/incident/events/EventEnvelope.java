package io.incident.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with the attributes that travel beside it: a unique id (consumers deduplicate on it), the producing
 * service, the catalogue type, the time it happened and the incident it is about.
 */
public record EventEnvelope(UUID id, String source, String type, Instant time, UUID subject, IncidentEvent data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps an event raised by {@code source} (for example {@code /intake-service}) at {@code time}. */
    public static EventEnvelope wrap(IncidentEvent event, String source, Instant time) {
        return new EventEnvelope(UUID.randomUUID(), source, EventCatalog.of(event).type(), time, event.incidentId(), event);
    }

    public String topic() {
        return Topics.of(data);
    }

    /** The Kafka record key: the incident id, so one incident's events keep their order. */
    public String key() {
        return subject.toString();
    }

    /** The binary-mode CloudEvents headers for this envelope. */
    public Map<String, String> headers() {
        return CloudEventHeaders.binary(id, source, type, time, subject);
    }
}
