package io.incident.commander.rotation;

import java.time.ZoneId;
import java.util.List;

/** A team's on-call rotation: layers (a later layer wins where it covers) and overrides on top, in one zone. */
public record Rotation(ZoneId zone, List<Layer> layers, List<Override> overrides) {

    public Rotation {
        if (zone == null) {
            throw new IllegalArgumentException("A rotation needs a time zone");
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
