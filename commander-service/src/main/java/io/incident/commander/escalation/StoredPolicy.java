package io.incident.commander.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team's escalation policy; {@code definition} is the {@link EscalationPolicy} as JSON. */
@Entity
@Table(name = "escalation_policy")
public class StoredPolicy {

    @Id
    public String team;
    public String definition;
    @Version
    public long version;
}
