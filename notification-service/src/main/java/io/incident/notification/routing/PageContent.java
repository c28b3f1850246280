package io.incident.notification.routing;

import io.incident.events.CommanderPaged;
import io.incident.events.ReportChannel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a page carries so the person woken can judge the incident from a phone's lock screen: where it came from and
 * when, the start of what the reporter wrote, the evidence, how many reports so far, and where to acknowledge and
 * read on. The same values fill every channel a page goes to, so no channel shows less.
 */
public final class PageContent {

    /** A phone screen shows about this much without scrolling; the rest is in the incident document. */
    static final int DESCRIPTION_LINES = 5;
    static final int DESCRIPTION_CHARS = 400;
    /** More links than this make the acknowledge link scroll out of sight; the document has them all. */
    static final int EVIDENCE_LINKS = 8;
    static final String CUT = "[... cut: the full description is in the incident document]";
    static final String NOT_KNOWN_YET = "(not known yet)";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PageContent() {
    }

    /** The page's values; the page is not held back for a report still on its way, it says what is not known. */
    public static Map<String, Object> values(CommanderPaged page, IncidentContext incident, Links links) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("level", page.escalationLevel());
        v.put("acknowledgeBy", page.acknowledgeBy().toString());
        v.put("acknowledgeByText", when(page.acknowledgeBy()));
        v.put("acknowledgeUrl", links.acknowledge(page.incidentId(), page.personRef(), page.pagedAt()));
        v.put("source", incident.reported() ? source(incident.source()) : NOT_KNOWN_YET);
        v.put("startedAt", incident.reported() && incident.reportedAt() != null ? when(incident.reportedAt())
                : NOT_KNOWN_YET);
        v.put("reports", incident.reported() ? String.valueOf(Math.max(1, incident.reportCount())) : NOT_KNOWN_YET);
        v.put("description", incident.reported() ? excerpt(incident.description())
                : "(the report has not reached the notification service yet; see the incident page)");
        v.put("evidenceLinks", evidence(incident.evidenceLinks()));
        String document = incident.documentUrl() != null ? incident.documentUrl()
                : links.documentPage(incident.incidentId());
        v.put("documentUrl", document == null ? "(not yet created)" : document);
        return v;
    }

    /**
     * The first lines of a description, cut visibly: at most {@link #DESCRIPTION_LINES} lines and
     * {@link #DESCRIPTION_CHARS} characters, blank lines at either end dropped, a cut line ending at a word.
     */
    public static String excerpt(String description) {
        if (description == null || description.isBlank()) {
            return "(no description given)";
        }
        List<String> lines = new ArrayList<>(List.of(description.replace("\r\n", "\n").replace('\r', '\n')
                .strip().split("\n")));
        StringBuilder out = new StringBuilder();
        boolean cut = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (i == DESCRIPTION_LINES) {
                cut = true;
                break;
            }
            int room = DESCRIPTION_CHARS - out.length();
            if (line.length() > room) {
                out.append(atWord(line, room));
                cut = true;
                break;
            }
            out.append(line).append('\n');
        }
        String text = out.toString().stripTrailing();
        return cut ? text + (text.isEmpty() ? "" : "\n") + CUT : text;
    }

    /** Distinct, non-blank links, at most {@link #EVIDENCE_LINKS}, then a line saying how many more there are. */
    public static List<String> evidence(List<String> links) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String l : links == null ? List.<String>of() : links) {
            if (l != null && !l.isBlank()) {
                distinct.add(l.strip());
            }
        }
        List<String> out = new ArrayList<>(distinct);
        if (out.size() > EVIDENCE_LINKS) {
            int more = out.size() - EVIDENCE_LINKS;
            out = new ArrayList<>(out.subList(0, EVIDENCE_LINKS));
            out.add("(" + more + " more in the incident document)");
        }
        return out;
    }

    /** How the first report arrived, in the words the tools' users know. */
    static String source(ReportChannel channel) {
        if (channel == null) {
            return "(unknown)";
        }
        return switch (channel) {
            case REST -> "REST API";
            case GENERIC_WEBHOOK -> "webhook";
            case PAGERDUTY -> "PagerDuty Events API";
            case ALERTMANAGER -> "Prometheus Alertmanager";
            case GRAFANA -> "Grafana alerting";
            case EMAIL -> "e-mail";
            case CHAT -> "Slack /incident";
        };
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    private static String atWord(String line, int room) {
        if (room <= 0) {
            return "";
        }
        String head = line.substring(0, room);
        int space = head.lastIndexOf(' ');
        // Ends at the last word that fits, unless that loses more than a fifth of the room (the line ends in a long
        // URL or token): then where the room ends.
        return (space > room * 4 / 5 ? head.substring(0, space) : head).stripTrailing();
    }
}
