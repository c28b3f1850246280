package io.incident.intake.integration;

/** Where a signed webhook carries its signature: {@code X-Signature-256: sha256=<hex>}, as GitHub's webhooks do. */
public final class WebhookSignatureHeader {

    public static final String NAME = "X-Signature-256";
    public static final String PREFIX = "sha256=";

    private WebhookSignatureHeader() {
    }
}
