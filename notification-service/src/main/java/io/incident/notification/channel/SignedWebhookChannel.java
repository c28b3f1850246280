package io.incident.notification.channel;

import io.incident.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A generic outbound webhook for downstream systems and SMS/voice gateways: JSON signed with HMAC-SHA256 so the
 * receiver can check it came from us. {@code X-Delivery-Id} lets the receiver drop a resend.
 */
@ApplicationScoped
public class SignedWebhookChannel implements Channel {

    private final HttpPoster http;
    private final Optional<String> secret;

    public SignedWebhookChannel(HttpPoster http, NotificationConfig config) {
        this.http = http;
        this.secret = config.webhookSecret();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public String send(OutgoingMessage m) throws DeliveryException {
        if (secret.isEmpty() || secret.get().isBlank()) {
            throw DeliveryException.permanent("No webhook signing secret configured (notification.webhook-secret)");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", m.deliveryId().toString());
        payload.put("incidentId", m.incidentId().toString());
        payload.put("template", m.template());
        payload.put("subject", m.subject());
        payload.put("text", m.body());
        String json = JsonBodies.write(payload);
        String signature = WebhookSignature.sign(secret.get(), json.getBytes(StandardCharsets.UTF_8));
        http.postJson(m.recipient(), json, Map.of(WebhookSignature.HEADER, signature,
                "X-Delivery-Id", m.deliveryId().toString()));
        return null;
    }
}
