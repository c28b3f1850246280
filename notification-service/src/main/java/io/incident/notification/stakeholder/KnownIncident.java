package io.incident.notification.stakeholder;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "known_incident")
public class KnownIncident {
    /** The title of an incident known from a lifecycle event before its report arrived. */
    public static String untitled(UUID id) {
        return "Incident " + id;
    }

    @Id
    public UUID incidentId;
    public String team;
    public String title;
    public String severity;
    public boolean security;
    public Instant reportedAt;
    public Instant firstSeenAt;
    public String commanderRef;
    public String documentUrl;
    public boolean reported;
    /** The {@code ReportChannel} of the first report; null until the report is read. */
    public String source;
    public String description;
    /** One link per line (V104). */
    public String evidenceLinks;
    public int reportCount = 1;
}
