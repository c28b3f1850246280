package io.incident.docs.writing;

import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** What a person may write into the document, checked before anything is stored. */
public final class EntryRules {

    /** The kinds of entry people write through {@code POST /incidents/{id}/entries} (agreement 8). */
    public static final Set<String> KINDS = Set.of("update", "status-summary", "evidence", "decision",
            "leadership-update");
    static final int MAX_TEXT = 10_000;

    private EntryRules() {
    }

    public static String kind(String kind) {
        if (kind == null || !KINDS.contains(kind)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Unknown entry kind",
                    "kind must be one of " + KINDS.stream().sorted().toList() + "; got '" + kind + "'.");
        }
        return kind;
    }

    public static String text(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Missing " + field,
                    field + " must not be empty.");
        }
        if (text.length() > MAX_TEXT) {
            throw new ProblemException(Response.Status.BAD_REQUEST, field + " too long",
                    field + " has " + text.length() + " characters; at most " + MAX_TEXT + " are kept.");
        }
        return text.strip();
    }

    /** Links are shown as clickable in the document, so only web addresses are accepted. */
    public static String link(String field, String link, boolean required) {
        if (link == null || link.isBlank()) {
            if (required) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "Missing " + field,
                        field + " is required: evidence is a link to where it can be seen (a graph, a log search).");
            }
            return null;
        }
        try {
            URI uri = URI.create(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // Reported below with the field name.
        }
        throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid " + field,
                field + " must be an http or https address; got '" + link + "'.");
    }
}
