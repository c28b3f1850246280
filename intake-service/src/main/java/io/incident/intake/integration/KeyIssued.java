package io.incident.intake.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a create or a rotate, the only two times a key is ever shown: it is not stored, so it cannot be
 * shown again. A separate type from {@link IntegrationView} so that no read can return a key by mistake.
 */
public record KeyIssued(UUID id, String team, String name, IntegrationType type, boolean enabled,
                        String intakeAddress, Instant createdAt, Instant keyRotatedAt, String key) {
}
