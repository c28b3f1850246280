package io.incident.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.events.EventCodec;
import io.incident.events.EventType;
import io.incident.events.IncidentEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of every event to a checked-in fixture. Services deploy one at a time, so for a while an old
 * consumer reads what a new producer writes and the other way round: the bytes may only change in ways an old
 * reader survives. A failure here means the JSON changed; decide whether that is compatible before touching the
 * fixture.
 *
 * <p>The fixtures are edited by hand on purpose, never regenerated: regenerating would pin whatever the code does.
 */
class EventJsonPinTest {

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.incident.events.contract.ContractCases#catalogue")
    void wireFormatIsPinned(EventType type) throws Exception {
        IncidentEvent sample = EventSamples.of(type.recordClass());
        String fixturePath = ContractFiles.fixturePath(type);
        String fixture = ContractFiles.readCheckedIn(fixturePath).orElseThrow(() -> new AssertionError(
                "No pinned fixture " + fixturePath + ": write it by hand from the sample in EventSamples"));
        JsonNode pinned = MAPPER.readTree(fixture);

        // What producers write: compared as trees, so only key order and whitespace are free to change.
        JsonNode written = MAPPER.readTree(EventCodec.toJson(sample));
        assertThat(written)
                .withFailMessage("%s no longer serialises as pinned in %s.%nwritten: %s%npinned:  %s%n"
                                + "A renamed, removed or retyped field breaks consumers that are still running:"
                                + " keep the old field, or publish a new type (.v2). Only a compatible change (a new"
                                + " optional field) may update the fixture.",
                        type.type(), fixturePath, written, pinned)
                .isEqualTo(pinned);

        // What consumers read from those bytes: every field arrives, with the same value.
        assertThat(EventCodec.fromJson(fixture, type.recordClass()))
                .as("%s read back from %s", type.type(), fixturePath)
                .isEqualTo(sample);

        // Consumers in other languages validate against the published schema, so the pinned bytes must pass it.
        assertThat(JsonSchemas.violationsOfCheckedIn(ContractFiles.schemaPath(type), pinned))
                .as("%s against %s", fixturePath, ContractFiles.schemaPath(type))
                .isEmpty();
    }
}
