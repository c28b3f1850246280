package io.incident.commander.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** One line of the incident's timeline: what happened, who did it, and any reason or note they gave. */
@Embeddable
public class TimelineEntry {

    public Instant at;
    public String kind;
    public String actor;
    @Column(name = "text")
    public String text;

    protected TimelineEntry() {
    }

    public TimelineEntry(Instant at, String kind, String actor, String text) {
        this.at = at;
        this.kind = kind;
        this.actor = actor;
        this.text = text;
    }
}
