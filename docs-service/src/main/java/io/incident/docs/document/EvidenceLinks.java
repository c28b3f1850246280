package io.incident.docs.document;

import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links that are evidence (R-REP-4, R-DOC-1): what a tool or a person pointed at — an alert's graph and
 * runbook, a dashboard, a log search. Pure: which links a report or an entry contributes, each once, in the order
 * they were given.
 */
public final class EvidenceLinks {

    /** Web addresses in free text; trailing punctuation is the sentence's, not the address's. */
    private static final Pattern IN_TEXT = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LABEL = 80;

    private EvidenceLinks() {
    }

    /** A link to add: its address, a label to show, and where it came from (who, and by what). */
    public record Link(String url, String label, String source, String actor) {
    }

    /**
     * The report's links: {@code evidenceLinks} as intake extracted them (Alertmanager's {@code generatorURL} and
     * {@code runbook_url}, dashboards, PagerDuty links), then any address written in the description that intake
     * did not list. Duplicates and addresses that are not http(s) are left out.
     */
    public static List<Link> fromReport(IncidentReported r) {
        Set<String> urls = new LinkedHashSet<>();
        if (r.evidenceLinks() != null) {
            r.evidenceLinks().forEach(l -> normalise(l).ifPresent(urls::add));
        }
        inText(r.description()).forEach(urls::add);
        String source = channel(r.channel() == null ? "" : r.channel().name()) + " report";
        List<Link> links = new ArrayList<>();
        for (String url : urls) {
            links.add(new Link(url, label(url), source, r.reporterRef()));
        }
        return links;
    }

    /** A further report's links, as intake extracted them, labelled with the channel it came by. */
    public static List<Link> fromAttached(ReportAttached r) {
        Set<String> urls = new LinkedHashSet<>();
        r.links().forEach(l -> normalise(l).ifPresent(urls::add));
        String source = channel(r.channel() == null ? "" : r.channel().name()) + " report (later)";
        List<Link> links = new ArrayList<>();
        for (String url : urls) {
            links.add(new Link(url, label(url), source, r.reporterRef()));
        }
        return links;
    }

    /** A link a person gave with an entry they wrote: labelled with what they wrote. */
    public static Optional<Link> fromEntry(String kind, String text, String link, String actor) {
        return normalise(link).map(url -> new Link(url, text == null || text.isBlank() ? label(url)
                : shorten(text.strip().replaceAll("\\s+", " ")), kind + " entry", actor));
    }

    /** The addresses written in a text, in order, each once. */
    static List<String> inText(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> urls = new LinkedHashSet<>();
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            normalise(trimTrailing(m.group())).ifPresent(urls::add);
        }
        return List.copyOf(urls);
    }

    /**
     * The form links are compared in: an http(s) address with a host, scheme and host in lower case (they are
     * case-insensitive; the path is not). Anything else is no link a reader can follow and is dropped: the page
     * makes every evidence link clickable, so a {@code javascript:} address must never reach it.
     */
    public static Optional<String> normalise(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            String s = escapeUnsafe(link.strip());
            URI uri = URI.create(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String authority = uri.getRawAuthority();
            String rest = s.substring(s.indexOf("://") + 3 + authority.length());
            return Optional.of(scheme + "://" + authority.replace(uri.getHost(), uri.getHost().toLowerCase(Locale.ROOT))
                    + rest);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Tools put characters in links that RFC 3986 wants escaped (a Loki query's braces and pipes, a space in a
     * Kibana search): browsers follow such links, so they are escaped rather than refused.
     */
    private static String escapeUnsafe(String link) {
        StringBuilder sb = new StringBuilder(link.length());
        for (char c : link.toCharArray()) {
            if (c <= ' ' || "\"<>\\^`{|}".indexOf(c) >= 0) {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Host and path, without the query: enough to tell a Grafana panel from a runbook at a glance. */
    static String label(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return shorten(uri.getHost() + (path.equals("/") ? "" : path));
    }

    private static String shorten(String s) {
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 1) + "\u2026";
    }

    /** A closing bracket stays when the address opened one (a Wikipedia-style path), otherwise it is prose. */
    private static String trimTrailing(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            boolean unbalanced = last == ')' && count(u, '(') < count(u, ')');
            if (".,;:!?".indexOf(last) >= 0 || unbalanced || last == ']' || last == '>') {
                u = u.substring(0, u.length() - 1);
            } else {
                break;
            }
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static String channel(String name) {
        return switch (name) {
            case "REST" -> "REST";
            case "EMAIL" -> "e-mail";
            case "PAGERDUTY" -> "PagerDuty";
            case "ALERTMANAGER" -> "Alertmanager";
            case "GRAFANA" -> "Grafana";
            case "CHAT" -> "Slack";
            default -> "webhook";
        };
    }
}
