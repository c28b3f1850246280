package io.incident.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.incident.events.contract.ContractFiles;
import io.incident.events.contract.EventSamples;
import io.incident.events.contract.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The envelope is the half of the contract that is not in the payload: consumers in any language find the event's
 * id, type and incident only in the record headers and key, so their names and values are pinned here.
 */
class EventEnvelopeTest {

    private static final UUID EVENT_ID = UUID.fromString("6c1f0d2a-8b3e-4f5a-9d7c-0e1f2a3b4c5d");
    private static final Instant TIME = Instant.parse("2026-03-01T09:15:00Z");

    @Test
    void headersCarryEveryBinaryModeCloudEventsAttribute() {
        IncidentEvent event = EventSamples.of(IncidentReported.class);
        EventEnvelope envelope = new EventEnvelope(EVENT_ID, "/intake-service", "io.incident.reported.v1", TIME,
                event.incidentId(), event);

        // Literal header names, not the constants: renaming a constant must not quietly rename a header.
        assertThat(envelope.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_specversion", "1.0",
                "ce_id", "6c1f0d2a-8b3e-4f5a-9d7c-0e1f2a3b4c5d",
                "ce_source", "/intake-service",
                "ce_type", "io.incident.reported.v1",
                "ce_time", "2026-03-01T09:15:00Z",
                "ce_subject", EventSamples.INCIDENT.toString(),
                "content-type", "application/json"));
    }

    @Test
    void headersMatchThePublishedHeaderSchema() {
        IncidentEvent event = EventSamples.of(IncidentReported.class);
        JsonNode headers = EventCodec.mapper().valueToTree(
                EventEnvelope.wrap(event, "/intake-service", TIME).headers());

        assertThat(JsonSchemas.violationsOfCheckedIn(ContractFiles.HEADERS_SCHEMA, headers)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.incident.events.contract.ContractCases#catalogue")
    void wrapAddressesTheEventByItsIncident(EventType type) {
        IncidentEvent event = EventSamples.of(type.recordClass());

        EventEnvelope envelope = EventEnvelope.wrap(event, "/some-service", TIME);

        assertThat(envelope.type()).isEqualTo(type.type());
        assertThat(envelope.topic()).isEqualTo(type.topic());
        // Key and subject are the incident, so one incident's events share a partition and stay in order.
        assertThat(envelope.key()).isEqualTo(event.incidentId().toString());
        assertThat(envelope.subject()).isEqualTo(event.incidentId());
        assertThat(envelope.headers()).containsEntry("ce_subject", envelope.key());
    }

    @Test
    void everyWrappedEventGetsItsOwnId() {
        // Consumers deduplicate on ce_id: two events sharing one would lose the second.
        IncidentEvent event = EventSamples.of(IncidentMitigated.class);

        assertThat(EventEnvelope.wrap(event, "/commander-service", TIME).id())
                .isNotEqualTo(EventEnvelope.wrap(event, "/commander-service", TIME).id());
    }
}
