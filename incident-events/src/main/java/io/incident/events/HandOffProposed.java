package io.incident.events;

import java.time.Instant;
import java.util.UUID;

/** R-CMD-6: the IC proposed handing command to another person; the old IC keeps command until it is accepted. */
public record HandOffProposed(
        UUID incidentId,
        String fromPersonRef,
        String toPersonRef,
        String toTeam,
        Instant proposedAt) implements LifecycleEvent {
}
