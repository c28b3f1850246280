package io.incident.notification.routing;

import io.incident.runtime.access.ActionLink;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Links into other services, from their base URLs (cross-service agreements 3 and 5).
 *
 * @param linkSecret   signs one-click acknowledge links; null: pages link to the incident page instead
 * @param linkLifetime how long such a link works after the page
 */
public record Links(String commanderUrl, String responseTeamsUrl, String docsUrl, String linkSecret,
                    Duration linkLifetime) {

    public Links(String commanderUrl, String responseTeamsUrl, String docsUrl) {
        this(commanderUrl, responseTeamsUrl, docsUrl, null, null);
    }

    public Links(String commanderUrl, String responseTeamsUrl) {
        this(commanderUrl, responseTeamsUrl, null);
    }

    /**
     * Where the paged person acknowledges with one click: a signed link for that person and incident, expiring
     * {@code linkLifetime} after the page and honoured once by commander. Derived from the page alone, so a
     * page rendered twice carries the same link. Without a secret, the incident page, where the person signs in.
     */
    public String acknowledge(UUID incident, String person, Instant pagedAt) {
        if (linkSecret == null || linkSecret.isBlank() || person == null || pagedAt == null) {
            return incidentPage(incident);
        }
        String token = new ActionLink("acknowledge", incident, person, pagedAt.plus(linkLifetime)).token(linkSecret);
        return incidentPage(incident) + "/acknowledge-link/" + token;
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
