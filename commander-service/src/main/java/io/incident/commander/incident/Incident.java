package io.incident.commander.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "incident")
public class Incident {

    public enum State { REPORTED, TRIAGED, COMMANDED, MITIGATED, RESOLVED, CLOSED }

    @Id
    public UUID id;
    public String team;
    public String title;
    public String severity;
    @Enumerated(EnumType.STRING)
    public State state;
    public boolean likely;
    public boolean siteWide;
    public boolean security;
    public int reportCount;
    public Instant reportedAt;
    public Instant updatedAt;
    /** Optimistic lock: two people acting on one incident at once cannot both win. */
    @Version
    public long version;
}
