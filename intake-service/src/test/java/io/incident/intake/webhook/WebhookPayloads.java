package io.incident.intake.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample webhook bodies under src/test/resources/webhooks, as real senders write them (invented hosts). */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = WebhookPayloads.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample webhook " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
