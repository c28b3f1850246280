package io.incident.notification.routing;

import java.util.UUID;

/** Links into other services, from their base URLs (cross-service agreements 3 and 5). */
public record Links(String commanderUrl, String responseTeamsUrl, String docsUrl) {

    public Links(String commanderUrl, String responseTeamsUrl) {
        this(commanderUrl, responseTeamsUrl, null);
    }

    public String incidentPage(UUID incident) {
        return trim(commanderUrl) + "/incidents/" + incident;
    }

    public String closeObjections(UUID incident) {
        return incidentPage(incident) + "/close-objections";
    }

    /**
     * The incident document's address before {@code DocumentCreated} has been read: the docs service keeps it at
     * this path (intake hands the same link to reporters), and a page usually goes out before the document event
     * arrives. Null when the docs service's URL is not configured.
     */
    public String documentPage(UUID incident) {
        return docsUrl == null || docsUrl.isBlank() ? null : trim(docsUrl) + "/incidents/" + incident + "/document";
    }

    private static String trim(String url) {
        return url == null ? "" : url.replaceAll("/+$", "");
    }
}
