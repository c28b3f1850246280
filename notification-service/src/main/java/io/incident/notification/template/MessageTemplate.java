package io.incident.notification.template;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An operator's version of a message template; it replaces the default of the same name. */
@Entity
@Table(name = "message_template")
public class MessageTemplate {
    @Id
    public String name;
    public String subject;
    public String body;
    public Instant updatedAt;
}
