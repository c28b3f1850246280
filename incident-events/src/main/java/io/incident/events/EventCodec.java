package io.incident.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns events into the bytes and headers that go on Kafka and back. Producers and consumers share this one
 * mapping, so a field cannot be written one way and read another.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Consumers ignore what they do not know, so producers can add optional fields without a new version.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(IncidentEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static <T extends IncidentEvent> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new MalformedEventException("Payload is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a record's headers and value. Returns empty for an event type this build does not know (a newer
     * producer's), and throws {@link MalformedEventException} for a record that breaks the contract.
     */
    public static Optional<EventEnvelope> decode(Map<String, String> headers, String value) {
        String type = require(headers, CloudEventHeaders.TYPE);
        Optional<EventType> known = EventCatalog.byType(type);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        try {
            IncidentEvent data = fromJson(value, known.get().recordClass());
            return Optional.of(new EventEnvelope(
                    UUID.fromString(require(headers, CloudEventHeaders.ID)),
                    require(headers, CloudEventHeaders.SOURCE),
                    type,
                    Instant.parse(require(headers, CloudEventHeaders.TIME)),
                    UUID.fromString(require(headers, CloudEventHeaders.SUBJECT)),
                    data));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new MalformedEventException("Malformed " + type + " event: " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Missing CloudEvents header " + name, null);
        }
        return value;
    }

    /** A record that breaks the contract. It can never be processed, so it belongs on a dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
