package io.incident.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incident.events.EventCatalog;
import io.incident.events.EventCodec;
import io.incident.events.EventType;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pin tests prove good events pass the schemas; these prove the schemas reject bad ones. A schema that accepts
 * everything would pass every pin test and protect no consumer.
 */
class EventSchemaTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.incident.events.contract.ContractCases#catalogue")
    void everyComponentIsRequiredExceptTheListedOptionalOnes(EventType type) {
        JsonNode schema = ContractFiles.readCheckedInJson(ContractFiles.schemaPath(type));
        Set<String> optional = ContractFiles.OPTIONAL_FIELDS.getOrDefault(type.recordClass(), Set.of());

        List<String> components = Arrays.stream(type.recordClass().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(properties).containsExactlyElementsOf(components);
        assertThat(required).containsExactlyElementsOf(
                components.stream().filter(c -> !optional.contains(c)).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.incident.events.contract.ContractCases#catalogue")
    void anEventWithoutItsIncidentIdIsRejected(EventType type) {
        // Every event is keyed and routed by its incident; without it a consumer cannot do anything with it.
        ObjectNode payload = fixture(type);
        payload.remove("incidentId");

        assertThat(JsonSchemas.violationsOfCheckedIn(ContractFiles.schemaPath(type), payload))
                .anySatisfy(violation -> assertThat(violation).contains("incidentId"));
    }

    @Test
    void formatsAndEnumsAreEnforced() {
        EventType type = EventCatalog.of(IncidentReported.class);
        ObjectNode payload = fixture(type);
        payload.put("incidentId", "INC-42");
        payload.put("reportedAt", "yesterday at nine");
        payload.put("severity", "SEV0");

        assertThat(JsonSchemas.violationsOfCheckedIn(ContractFiles.schemaPath(type), payload))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("incidentId"))
                .anySatisfy(v -> assertThat(v).contains("reportedAt"))
                .anySatisfy(v -> assertThat(v).contains("severity"));
    }

    static Stream<Arguments> optionalFields() {
        return ContractFiles.OPTIONAL_FIELDS.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().getSimpleName()))
                .flatMap(e -> e.getValue().stream().sorted().map(field -> Arguments.of(
                        Named.of(e.getKey().getSimpleName() + "." + field, EventCatalog.of(e.getKey())), field)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionalFields")
    void anOptionalFieldMayBeNullOrLeftOut(EventType type, String field) {
        ObjectNode nulled = fixture(type);
        nulled.putNull(field);
        ObjectNode leftOut = fixture(type);
        leftOut.remove(field);

        for (ObjectNode payload : List.of(nulled, leftOut)) {
            assertThat(JsonSchemas.violationsOfCheckedIn(ContractFiles.schemaPath(type), payload))
                    .as("%s", payload)
                    .isEmpty();
            // Java consumers see both as null, so producers may do either.
            IncidentEvent read = EventCodec.fromJson(payload.toString(), type.recordClass());
            assertThat(read).hasFieldOrPropertyWithValue(field, null);
        }
    }

    private static ObjectNode fixture(EventType type) {
        return (ObjectNode) ContractFiles.readCheckedInJson(ContractFiles.fixturePath(type));
    }
}
