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
    public String status;
    public String commanderRef;
    public boolean security;
    public String statusSummary;
    public String bridge;
    public Instant securityFormFiledAt;
    public String lastHash;
    public Instant createdAt;
    public Instant updatedAt;
    public int revision;
    @Version
    public long version;

    public DocumentHeader header() {
        return new DocumentHeader(title, team, severity, status, commanderRef, security);
    }

    void header(DocumentHeader h) {
        title = h.title();
        team = h.team();
        severity = h.severity();
        status = h.status();
        commanderRef = h.commanderRef();
        security = h.security();
    }
}
