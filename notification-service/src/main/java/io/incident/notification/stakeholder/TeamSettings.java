package io.incident.notification.stakeholder;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A team's bridge line, incident room (chat webhook and topic API) and ticketing system. */
@Entity
@Table(name = "team_settings")
public class TeamSettings {
    @Id
    public String team;
    public String bridge;
    @Enumerated(EnumType.STRING)
    public StakeholderChannel chatKind;
    public String chatUrl;
    public String roomTopicUrl;
    public String ticketUrl;
    public String ticketProject;
    public Instant updatedAt;
}
