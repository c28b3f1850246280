package io.incident.notification.stakeholder;

import io.incident.events.Severity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Someone to tell about a team's incidents (or every team's, when {@code team} is null). */
@Entity
@Table(name = "stakeholder")
public class Stakeholder {
    @Id
    public UUID id;
    public String team;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** Told about incidents of this severity or worse. */
    @Enumerated(EnumType.STRING)
    public Severity minSeverity;
    @Enumerated(EnumType.STRING)
    public StakeholderChannel channel;
    public String address;
    public Instant createdAt;

    public boolean wants(Severity severity) {
        return severity.ordinal() <= minSeverity.ordinal();
    }
}
