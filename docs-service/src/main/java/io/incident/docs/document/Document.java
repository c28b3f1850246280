package io.incident.docs.document;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "document")
public class Document {
    @Id
    public UUID id;
    public UUID incidentId;
    public String trackingId;
    public String title;
    public String team;
    public String severity;
    public boolean security;
    public Instant createdAt;
    public Instant updatedAt;
    public int revision;
    @Version
    public long version;
}
