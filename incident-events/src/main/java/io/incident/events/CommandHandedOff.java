package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-CMD-6: the new IC accepted and announced that they have command. */
public record CommandHandedOff(
        UUID incidentId,
        String fromPersonRef,
        String toPersonRef,
        String toTeam,
        Instant handedOffAt) implements LifecycleEvent {
}
