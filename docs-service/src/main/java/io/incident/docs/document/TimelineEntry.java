package io.incident.docs.document;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID documentId;
    /** The event that produced the entry, or the entry's own id for one a person wrote. */
    public UUID eventId;
    public Instant occurredAt;
    public String kind;
    public String actor;
    public String text;
    public String link;
    public String previousHash;
    public String hash;

    TimelineChain.Content content() {
        return new TimelineChain.Content(documentId, eventId, occurredAt, kind, actor, text, link);
    }
}
