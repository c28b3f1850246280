package io.incident.deadline.incident;

import io.incident.events.DeadlineKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What a clock of this kind waits for happened at {@code stoppedAt}: kept whether or not a clock was running then,
 * because the start may still be on its way ({@link StopsBeforeStart}).
 */
@Entity
@Table(name = "heard_stop")
public class HeardStop {

    @Id
    public UUID id;
    public UUID incidentId;
    @Enumerated(EnumType.STRING)
    public DeadlineKind kind;
    public Instant stoppedAt;

    public static HeardStop of(UUID incidentId, DeadlineKind kind, Instant stoppedAt) {
        HeardStop s = new HeardStop();
        s.id = UUID.randomUUID();
        s.incidentId = incidentId;
        s.kind = kind;
        s.stoppedAt = stoppedAt;
        return s;
    }
}
