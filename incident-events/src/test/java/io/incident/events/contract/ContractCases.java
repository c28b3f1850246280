package io.incident.events.contract;

import io.incident.events.EventCatalog;
import io.incident.events.EventType;
import org.junit.jupiter.api.Named;

import java.util.stream.Stream;

/** Test cases over the catalogue, named by CloudEvents type so a failure says which event broke. */
public final class ContractCases {

    private ContractCases() {
    }

    /** For {@code @MethodSource("io.incident.events.contract.ContractCases#catalogue")}. */
    public static Stream<Named<EventType>> catalogue() {
        return EventCatalog.all().stream().map(type -> Named.of(type.type(), type));
    }
}
