package io.incident.intake.integration;

import io.incident.runtime.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

/** A monitoring tool connected to a team. The key itself is never stored, only its hash. */
@Entity
@Table(name = "integration")
public class Integration {
    @Id
    public UUID id;
    public String team;
    public String name;
    @Enumerated(EnumType.STRING)
    public IntegrationType type;
    public String keyHash;
    public boolean enabled;
    public Instant createdAt;
    public Instant keyRotatedAt;
    public Instant disabledAt;
    /** Set when webhooks of this integration must be signed with HMAC-SHA256; null when they need not be. */
    public String signingSecret;
    /** A rotate and a disable can meet; the loser retries rather than silently undoing the other. */
    @Version
    public long version;

    static Integration create(String team, String name, IntegrationType type, String keyHash, Instant now) {
        Integration i = new Integration();
        i.id = UUID.randomUUID();
        i.team = team;
        i.name = name;
        i.type = type;
        i.keyHash = keyHash;
        i.enabled = true;
        i.createdAt = now;
        i.keyRotatedAt = now;
        return i;
    }

    /** The old key stops working the moment this commits. */
    void rotateKey(String newKeyHash, Instant now) {
        if (!enabled) {
            throw new ProblemException(Response.Status.CONFLICT, "Integration is disabled",
                    "Integration " + id + " is disabled; a disabled integration gets no new key.");
        }
        keyHash = newKeyHash;
        keyRotatedAt = now;
    }

    void requireSignatures(String secret) {
        if (!enabled) {
            throw new ProblemException(Response.Status.CONFLICT, "Integration is disabled",
                    "Integration " + id + " is disabled; a disabled integration gets no signing secret.");
        }
        signingSecret = secret;
    }

    void dropSignatures() {
        signingSecret = null;
    }

    /** Disabling twice is harmless: the first time counts. */
    void disable(Instant now) {
        if (enabled) {
            enabled = false;
            disabledAt = now;
        }
    }
}
