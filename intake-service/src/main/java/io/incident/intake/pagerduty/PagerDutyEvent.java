package io.incident.intake.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.incident.intake.alert.EventAction;

import java.util.List;

/**
 * A valid Events API v2 alert event. {@code dedupKey} is null when a trigger came without one; {@code payload} is
 * null for acknowledge and resolve, which PagerDuty applies by dedup key alone.
 */
public record PagerDutyEvent(String routingKey, EventAction action, String dedupKey, Payload payload,
                             List<Link> links, List<Image> images, String client, String clientUrl) {

    /** PagerDuty Common Event Format. {@code timestamp} is kept as the tool wrote it. */
    public record Payload(String summary, String source, PagerDutySeverity severity, String timestamp,
                          String component, String group, String eventClass, JsonNode customDetails) {
    }

    public record Link(String href, String text) {
    }

    public record Image(String src, String href, String alt) {
    }
}
