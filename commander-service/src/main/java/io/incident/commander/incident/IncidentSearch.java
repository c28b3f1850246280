package io.incident.commander.incident;

import io.incident.events.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a caller asks of the incident list, read from query parameters and checked before any query runs: a filter
 * that cannot be understood is refused with the reason, never ignored (a list silently wider than asked is worse
 * than an error). Newest first; {@code after} is the keyset cursor of the last incident of the previous page.
 */
public record IncidentSearch(Set<Incident.State> states, String team, Set<Severity> severities, String commander,
                             Boolean security, String titleContains, Instant reportedFrom, Instant reportedBefore,
                             int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final int MAX_TEXT = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** A filter the caller wrote that cannot be read; the message says which parameter and what it accepts. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Position after an incident in newest-first order: its report time, then its id to break ties. */
    public record Cursor(Instant reportedAt, UUID id) {

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((reportedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new Invalid("'cursor' is not one this service gave out; take it from 'nextCursor'.");
            }
        }
    }

    /** Reads the raw query parameters; every one may be absent. States and severities may repeat or be comma lists. */
    public static IncidentSearch parse(List<String> states, String team, List<String> severities, String commander,
                                       String security, String q, String reportedFrom, String reportedBefore,
                                       String limit, String cursor) {
        Set<Incident.State> stateSet = EnumSet.noneOf(Incident.State.class);
        for (String s : split(states)) {
            stateSet.add(parseEnum(Incident.State.class, s, "state"));
        }
        Set<Severity> severitySet = EnumSet.noneOf(Severity.class);
        for (String s : split(severities)) {
            severitySet.add(parseEnum(Severity.class, s, "severity"));
        }
        String teamSlug = blankToNull(team);
        if (teamSlug != null && !SLUG.matcher(teamSlug).matches()) {
            throw new Invalid("'team' is a team's lowercase slug, such as payments.");
        }
        Instant from = instant(reportedFrom, "reportedFrom");
        Instant before = instant(reportedBefore, "reportedBefore");
        if (from != null && before != null && !from.isBefore(before)) {
            throw new Invalid("'reportedFrom' must be earlier than 'reportedBefore'.");
        }
        return new IncidentSearch(stateSet, teamSlug, severitySet, text(commander, "commander"),
                bool(security, "security"), text(q, "q"), from, before, limit(limit),
                blankToNull(cursor) == null ? null : Cursor.decode(cursor.trim()));
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("'" + name + "' is one of " + EnumSet.allOf(type) + "; '" + value + "' is not.");
        }
    }

    private static Instant instant(String value, String name) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new Invalid("'" + name + "' is an ISO-8601 instant such as 2026-11-22T09:00:00Z.");
        }
    }

    private static Boolean bool(String value, String name) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new Invalid("'" + name + "' is true or false.");
        };
    }

    private static String text(String value, String name) {
        String v = blankToNull(value);
        if (v != null && v.length() > MAX_TEXT) {
            throw new Invalid("'" + name + "' is at most " + MAX_TEXT + " characters.");
        }
        return v;
    }

    private static int limit(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw new Invalid("'limit' is a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The title filter as a LIKE pattern (escape character '!'): the caller's text is literal, % and _ included. */
    public String titlePattern() {
        if (titleContains == null) {
            return null;
        }
        String escaped = titleContains.toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
