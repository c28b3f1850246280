package io.incident.intake.report;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "report")
public class Report {
    @Id
    public UUID id;
    public UUID incidentId;
    public String team;
    public String title;
    public String description;
    public String channel;
    public String severity;
    public String reporter;
    public UUID reporterRef;
    public Instant receivedAt;
    /** Set for reports from a monitoring tool: which integration sent it, and the key it deduplicates by. */
    public UUID integrationId;
    public String dedupKey;
    /** A webhook's body as received, minus its credential: kept here only, never on an event. */
    public String rawPayload;
}
