package io.incident.deadline.incident;

import io.incident.events.Severity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * What this service knows of an incident, learnt from its events: enough to decide which clocks the next event
 * starts or stops. Any field but the id may be unknown, because events about one incident come on several topics
 * and no topic waits for another.
 */
@Entity
@Table(name = "incident")
public class TrackedIncident {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public boolean security;
    /** The owning team: from the report, replaced by the closing team after a hand-off. */
    public String team;
    public Instant reportedAt;
    public Instant acknowledgedAt;
    public Instant mitigatedAt;
    public Instant resolvedAt;
    public Instant closedAt;
    @Version
    public long version;

    public boolean isOpen() {
        return closedAt == null;
    }

    /** An IC has command: the clocks of the response (document, triage, rotation, leadership) run. */
    public boolean isUnderCommand() {
        return acknowledgedAt != null && isOpen();
    }
}
