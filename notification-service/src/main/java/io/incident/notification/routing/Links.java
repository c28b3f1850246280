package io.incident.notification.routing;

import java.util.UUID;

/** Links into other services, from their base URLs (cross-service agreements 3 and 5). */
public record Links(String commanderUrl, String responseTeamsUrl) {

    public String incidentPage(UUID incident) {
        return trim(commanderUrl) + "/incidents/" + incident;
    }

    public String closeObjections(UUID incident) {
        return incidentPage(incident) + "/close-objections";
    }

    private static String trim(String url) {
        return url == null ? "" : url.replaceAll("/+$", "");
    }
}
