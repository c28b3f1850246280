package io.incident.docs.writing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Follow-up work with an owner, a due date and the ticket it is filed as (R-PM-1). */
@Entity
@Table(name = "action_item")
public class ActionItem {
    @Id
    public UUID id;
    public UUID documentId;
    public String title;
    public String ownerRef;
    public LocalDate dueDate;
    public String ticketLink;
    public String createdBy;
    public Instant createdAt;
    public String doneBy;
    public Instant doneAt;
    @Version
    public long version;
}
