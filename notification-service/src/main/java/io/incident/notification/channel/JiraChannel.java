package io.incident.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Creates an issue through a Jira-compatible {@code POST /rest/api/2/issue}. The recipient is
 * {@code <base url>#<project key>}; the delivery's template name is the issue label.
 */
@ApplicationScoped
public class JiraChannel implements Channel {

    private final HttpPoster http;

    public JiraChannel(HttpPoster http) {
        this.http = http;
    }

    /** The recipient string for a ticketing system at {@code baseUrl} filing into {@code project}. */
    public static String recipient(String baseUrl, String project) {
        return baseUrl.replaceAll("/+$", "") + "#" + project;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.JIRA;
    }

    @Override
    public String send(OutgoingMessage m) throws DeliveryException {
        int hash = m.recipient().lastIndexOf('#');
        if (hash < 0) {
            throw DeliveryException.permanent("Ticketing recipient has no project key");
        }
        String base = m.recipient().substring(0, hash);
        String project = m.recipient().substring(hash + 1);
        // The body's first line is the label; the rest is the description.
        String[] parts = m.body().split("\n", 2);
        String label = parts[0].trim();
        String description = parts.length > 1 ? parts[1].trim() : "";
        Map<String, Object> fields = Map.of(
                "project", Map.of("key", project),
                "summary", m.subject(),
                "description", description,
                "issuetype", Map.of("name", "Task"),
                "labels", List.of(label));
        String answer = http.postJson(base + "/rest/api/2/issue", JsonBodies.write(Map.of("fields", fields)),
                ChatChannels.idempotencyKey(m));
        try {
            JsonNode key = JsonBodies.mapper().readTree(answer).get("key");
            if (key == null || key.asText().isBlank()) {
                throw DeliveryException.permanent("Ticketing answered without an issue key");
            }
            return key.asText();
        } catch (IOException e) {
            throw DeliveryException.permanent("Ticketing answered with something other than JSON");
        }
    }
}
