package io.incident.docs.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "checklist_item")
public class ChecklistItem {
    @Id
    public UUID id;
    public UUID documentId;
    public int position;
    public String itemKey;
    public String label;
    public String doneBy;
    public Instant doneAt;
    @Version
    public long version;
}
