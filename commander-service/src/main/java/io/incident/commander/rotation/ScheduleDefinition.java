package io.incident.commander.rotation;

import java.util.List;

/** The part of a schedule the on-call function reads, stored as one JSON document. */
public record ScheduleDefinition(List<Layer> layers, List<Override> overrides) {

    public ScheduleDefinition {
        layers = layers == null ? List.of() : List.copyOf(layers);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
