package io.incident.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * The request bodies each chat vendor's incoming webhook expects. Built as data and serialised, so a title with
 * quotes or markup cannot break the JSON.
 */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /** Slack incoming webhook: {@code text} with mrkdwn, the subject in bold. */
    public static String slack(String subject, String body) {
        return write(Map.of("text", "*" + subject + "*\n" + body));
    }

    /** Mattermost incoming webhook: Markdown {@code text}. */
    public static String mattermost(String subject, String body) {
        return write(Map.of("text", "#### " + subject + "\n" + body));
    }

    /** Teams workflow webhook: a message whose attachment is an Adaptive Card. */
    public static String teams(String subject, String body) {
        Map<String, Object> card = Map.of(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", "1.4",
                "body", List.of(
                        Map.of("type", "TextBlock", "text", subject, "weight", "Bolder", "size", "Medium",
                                "wrap", true),
                        Map.of("type", "TextBlock", "text", body, "wrap", true)));
        return write(Map.of("type", "message", "attachments", List.of(Map.of(
                "contentType", "application/vnd.microsoft.card.adaptive", "contentUrl", "", "content", card))));
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
