package io.incident.intake.integration;

import java.util.UUID;

/** The answer that shows a signing secret, once; {@code header} is where senders put the signature. */
public record SigningSecretIssued(UUID integrationId, String secret, String header) {
}
