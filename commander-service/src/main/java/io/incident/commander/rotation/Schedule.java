package io.incident.commander.rotation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A stored rotation. {@code definition} is the layers and overrides as JSON ({@link ScheduleDefinition}). */
@Entity
@Table(name = "schedule")
public class Schedule {

    @Id
    public String id;
    public String team;
    public String name;
    public String timeZone;
    public String definition;
    /** Two people adding overrides at once must not lose one. */
    @Version
    public long version;
}
