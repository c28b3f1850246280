package io.incident.docs.document;

import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;

import java.util.Optional;

/** The line an event adds to the document's running log (R-DOC-1). Pure: the same event always reads the same. */
public final class TimelineText {

    private TimelineText() {
    }

    public record Line(String kind, String text) {
    }

    public static Optional<Line> describe(IncidentEvent event) {
        if (event instanceof IncidentReported r) {
            return Optional.of(new Line("reported", "Reported by " + channel(r.channel().name()) + " to team "
                    + r.team() + " as " + r.severity() + ": " + r.title()));
        }
        if (event instanceof ReportAttached a) {
            return Optional.of(new Line("report-attached", "Another report of the same problem arrived by "
                    + channel(a.channel().name()) + ": " + a.title()));
        }
        return Optional.empty();
    }

    private static String channel(String name) {
        return switch (name) {
            case "REST" -> "REST";
            case "EMAIL" -> "e-mail";
            case "PAGERDUTY" -> "PagerDuty event";
            case "ALERTMANAGER" -> "Alertmanager";
            case "GRAFANA" -> "Grafana alert";
            default -> "webhook";
        };
    }
}
