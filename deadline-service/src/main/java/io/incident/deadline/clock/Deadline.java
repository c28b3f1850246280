package io.incident.deadline.clock;

import io.incident.deadline.policy.DeadlinePolicy;
import io.incident.events.DeadlineKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One clock of the process: a durable row that runs until it is met, breached or cancelled. */
@Entity
@Table(name = "deadline")
public class Deadline {

    public enum Status { PENDING, MET, BREACHED, CANCELLED }

    @Id
    public UUID id;
    public UUID incidentId;
    @Enumerated(EnumType.STRING)
    public DeadlineKind kind;
    /** When the period began (the report, the acknowledgement, the last document update...). */
    public Instant startedAt;
    /** Null: this clock gives no warning. */
    public Instant warnAt;
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant warnedAt;
    /** When it was met, breached or cancelled. */
    public Instant endedAt;
    public Instant createdAt;
    /** Computed by the database from warn_at, warned_at and due_at; only ever read, by the firing loop's queries. */
    @Column(insertable = false, updatable = false)
    public Instant nextFireAt;
    @Version
    public long version;

    public static Deadline start(UUID incidentId, DeadlineKind kind, DeadlinePolicy.Timing timing, Instant now) {
        Deadline d = new Deadline();
        d.id = UUID.randomUUID();
        d.incidentId = incidentId;
        d.kind = kind;
        d.startedAt = timing.startsAt();
        d.warnAt = timing.warnAt();
        d.dueAt = timing.dueAt();
        d.status = Status.PENDING;
        d.createdAt = now;
        return d;
    }

    public boolean isRunning() {
        return status == Status.PENDING;
    }

    /** When the firing loop must next act on this clock, or null once it has ended. Mirrors next_fire_at. */
    public Instant firesAt() {
        if (!isRunning()) {
            return null;
        }
        return warnAt != null && warnedAt == null && warnAt.isBefore(dueAt) ? warnAt : dueAt;
    }

    /** What the firing loop does with a running clock whose time has come. */
    public enum Firing { WARN, BREACH }

    /**
     * A clock found past its due time breaches without warning first: a warning that something is about to run out
     * is noise once it has (after an outage, say).
     */
    public Firing fire(Instant now) {
        requireRunning();
        if (!now.isBefore(dueAt)) {
            status = Status.BREACHED;
            endedAt = now;
            return Firing.BREACH;
        }
        if (warnAt == null || warnedAt != null || now.isBefore(warnAt)) {
            throw new IllegalStateException("Deadline " + id + " is not due to fire at " + now);
        }
        warnedAt = now;
        return Firing.WARN;
    }

    /**
     * What the clock waited for happened at {@code at}: met if that was in time, breached if it came too late (the
     * loop had not fired yet, or the event arrived late).
     */
    public Status stop(Instant at, Instant now) {
        requireRunning();
        if (at.isAfter(dueAt)) {
            status = Status.BREACHED;
            endedAt = now;
        } else {
            status = Status.MET;
            endedAt = at;
        }
        return status;
    }

    /** What the clock waited for no longer matters (the incident closed, the close proposal met an objection). */
    public void cancel(Instant at) {
        requireRunning();
        status = Status.CANCELLED;
        endedAt = at;
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("Deadline " + id + " has already ended as " + status);
        }
    }
}
