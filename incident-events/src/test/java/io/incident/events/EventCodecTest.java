package io.incident.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incident.events.contract.ContractFiles;
import io.incident.events.contract.EventSamples;
import io.incident.events.contract.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a consumer must survive while producers move ahead of it, and what it must refuse. Unknown fields and unknown
 * types are normal during a rolling deploy; a record without its CloudEvents id can never be deduplicated, so it
 * is malformed and belongs on the dead-letter topic.
 */
class EventCodecTest {

    private static final UUID EVENT_ID = UUID.fromString("6c1f0d2a-8b3e-4f5a-9d7c-0e1f2a3b4c5d");
    private static final Instant TIME = Instant.parse("2026-03-01T09:15:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.incident.events.contract.ContractCases#catalogue")
    void unknownFieldsFromANewerProducerAreIgnored(EventType type) {
        ObjectNode payload = (ObjectNode) ContractFiles.readCheckedInJson(ContractFiles.fixturePath(type));
        payload.put("addedInALaterRelease", "some value");
        payload.putObject("nestedAddition").putArray("items").add(1).add("two");

        assertThat(EventCodec.fromJson(payload.toString(), type.recordClass()))
                .isEqualTo(EventSamples.of(type.recordClass()));
        // Consumers that validate before reading must not choke on the addition either.
        assertThat(JsonSchemas.violationsOfCheckedIn(ContractFiles.schemaPath(type), payload)).isEmpty();
    }

    @Test
    void decodeReadsBackWhatAnEnvelopeWrites() {
        EventEnvelope sent = envelope(EventSamples.of(IncidentReported.class));

        assertThat(EventCodec.decode(sent.headers(), EventCodec.toJson(sent.data()))).contains(sent);
    }

    @Test
    void decodeSkipsATypeThisBuildDoesNotKnow() {
        Map<String, String> headers = headersOf(EventSamples.of(IncidentReported.class));
        headers.put(CloudEventHeaders.TYPE, "io.incident.teleported.v1");

        // The payload of a future type may look like anything; it must not even be parsed.
        assertThat(EventCodec.decode(headers, "{\"whatever\": [\"a newer producer\", \"wrote\"]}")).isEmpty();
    }

    @Test
    void decodeRefusesARecordWithoutCeId() {
        IncidentEvent event = EventSamples.of(IncidentReported.class);
        Map<String, String> headers = headersOf(event);
        headers.remove(CloudEventHeaders.ID);

        assertThatThrownBy(() -> EventCodec.decode(headers, EventCodec.toJson(event)))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining(CloudEventHeaders.ID);
    }

    @ParameterizedTest(name = "ce_id \"{0}\"")
    @ValueSource(strings = {"", " ", "not-a-uuid"})
    void decodeRefusesACeIdThatIsNotAUuid(String ceId) {
        IncidentEvent event = EventSamples.of(IncidentReported.class);
        Map<String, String> headers = headersOf(event);
        headers.put(CloudEventHeaders.ID, ceId);

        assertThatThrownBy(() -> EventCodec.decode(headers, EventCodec.toJson(event)))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void decodeRefusesAPayloadThatIsNotTheEvent() {
        Map<String, String> headers = headersOf(EventSamples.of(IncidentReported.class));

        assertThatThrownBy(() -> EventCodec.decode(headers, "{\"incidentId\": \"INC-42\"}"))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    private static EventEnvelope envelope(IncidentEvent event) {
        return new EventEnvelope(EVENT_ID, "/intake-service", EventCatalog.of(event).type(), TIME,
                event.incidentId(), event);
    }

    /** Mutable, like the map a consumer builds from Kafka record headers. */
    private static Map<String, String> headersOf(IncidentEvent event) {
        return new HashMap<>(envelope(event).headers());
    }
}
