package io.incident.deadline.clock;

import io.incident.events.DeadlineKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "deadline")
public class Deadline {

    public enum Status { PENDING, MET, BREACHED, CANCELLED }

    @Id
    public UUID id;
    public UUID incidentId;
    @Enumerated(EnumType.STRING)
    public DeadlineKind kind;
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant createdAt;
    @Version
    public long version;
}
