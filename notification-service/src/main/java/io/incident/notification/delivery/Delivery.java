package io.incident.notification.delivery;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.incident.notification.channel.ChannelKind;

import java.time.Instant;
import java.util.UUID;

/** One message to one recipient on one channel, and what became of it. */
@Entity
@Table(name = "delivery")
public class Delivery {
    @Id
    public UUID id;
    public String noticeKey;
    public UUID incidentId;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public ChannelKind channel;
    public String audience;
    public String template;
    public String subject;
    public String body;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    /** {@link Urgency#priority}: lower is claimed first. */
    public short priority;
    public Instant nextAttemptAt;
    public String lastError;
    public String externalRef;
    public Instant createdAt;
    public Instant sentAt;
    public Instant failedAt;
}
