package io.incident.deadline.incident;

import io.incident.events.DeadlineKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Callers hold the incident's lock ({@link TrackedIncidentRepository#lockOrCreate}), so no two write at once. */
@ApplicationScoped
public class HeardStopRepository implements PanacheRepositoryBase<HeardStop, UUID> {

    /** Remembers the stop once: a redelivered or repeated event adds nothing. */
    public void remember(UUID incidentId, DeadlineKind kind, Instant at) {
        if (count("incidentId = ?1 and kind = ?2 and stoppedAt = ?3", incidentId, kind, at) == 0) {
            persist(HeardStop.of(incidentId, kind, at));
        }
    }

    public List<Instant> of(UUID incidentId, DeadlineKind kind) {
        return find("incidentId = ?1 and kind = ?2", incidentId, kind).stream().map(s -> s.stoppedAt).toList();
    }
}
