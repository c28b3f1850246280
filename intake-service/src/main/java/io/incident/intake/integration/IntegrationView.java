package io.incident.intake.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration as anyone may read it: never its key. {@code intakeAddress} is where people of the team can
 * e-mail a report (R-REP-2). {@code signed}: webhooks must carry an HMAC-SHA256 signature.
 */
public record IntegrationView(UUID id, String team, String name, IntegrationType type, boolean enabled,
                              String intakeAddress, Instant createdAt, Instant keyRotatedAt, Instant disabledAt,
                              boolean signed) {
}
