package io.incident.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;

/** Validates JSON against the contract's schemas the way a consumer in another language would. */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // In draft 2020-12 "format" is only an annotation unless asked for. The contract means it: an incidentId that
    // is not a UUID, or a time that is not RFC 3339, is a broken event.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private JsonSchemas() {
    }

    /** What is wrong with {@code instance}; empty if it is valid. */
    public static List<String> violations(JsonNode schema, JsonNode instance) {
        return FACTORY.getSchema(schema, CONFIG).validate(instance).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** Against a schema as checked in under {@code src/main/resources/schemas}. */
    public static List<String> violationsOfCheckedIn(String schemaPath, JsonNode instance) {
        return violations(ContractFiles.readCheckedInJson(schemaPath), instance);
    }
}
