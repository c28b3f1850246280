package io.incident.docs.document;

import io.incident.events.AcknowledgeRequested;
import io.incident.events.BlockerRaised;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineMet;
import io.incident.events.DeadlineScheduled;
import io.incident.events.DeadlineWarned;
import io.incident.events.EventEnvelope;
import io.incident.events.HandOffDisputed;
import io.incident.events.HandOffProposed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.NotificationDelivered;
import io.incident.events.NotificationFailed;
import io.incident.events.ReportAttached;
import io.incident.events.ResolveRequested;
import io.incident.events.SeverityChanged;
import io.incident.events.TicketRecorded;

import java.util.Locale;
import java.util.Optional;

/**
 * The line an event adds to the document's running log (R-DOC-1), with who acted. Pure: the same event always reads
 * the same. Events the docs service raises itself are logged where they are raised, so they are not described here.
 */
public final class TimelineText {

    private TimelineText() {
    }

    /** One timeline line: a kind (machine-readable), the acting person or service, and the text. */
    public record Line(String kind, String actor, String text) {
    }

    public static Optional<Line> describe(EventEnvelope envelope) {
        return describe(envelope.data(), envelope.source().replaceFirst("^/", ""));
    }

    /** @param service the producing service, the actor of events no person caused */
    public static Optional<Line> describe(IncidentEvent event, String service) {
        Line line = null;
        if (event instanceof IncidentReported r) {
            line = new Line("reported", r.reporterRef(), "Reported by "
                    + channel(r.channel().name()) + " to team " + r.team() + " as " + r.severity()
                    + (r.security() ? " (security)" : "") + ": " + r.title());
        } else if (event instanceof ReportAttached a && a.alertCount() > 1) {
            line = new Line("report-attached", a.reporterRef(), a.alertCount() + " more alerts of the same problem"
                    + " arrived by " + channel(a.channel().name()) + ", the last at "
                    + (a.lastSeenAt() == null ? a.receivedAt() : a.lastSeenAt()) + ": " + a.title());
        } else if (event instanceof ReportAttached a) {
            line = new Line("report-attached", a.reporterRef(), "Another report of the same "
                    + "problem arrived by " + channel(a.channel().name()) + ": " + a.title());
        } else if (event instanceof AcknowledgeRequested a) {
            line = new Line("acknowledge-requested", service,
                    channel(a.channel().name()) + " relayed an acknowledgement.");
        } else if (event instanceof ResolveRequested r) {
            line = new Line("resolve-requested", service,
                    channel(r.channel().name()) + " reported that the problem is gone.");
        } else if (event instanceof CommanderPaged p) {
            line = new Line("commander-paged", service, "Paged " + p.personRef() + " of team "
                    + p.team() + " at level " + p.escalationLevel() + "; acknowledge by " + p.acknowledgeBy() + ".");
        } else if (event instanceof CommanderAcknowledged a) {
            line = new Line("commander-acknowledged", a.personRef(), a.personRef()
                    + " of team " + a.team() + " acknowledged and is the Incident Commander.");
        } else if (event instanceof IncidentEscalated e) {
            line = new Line("escalated", service, "Paging moved from level " + e.fromLevel()
                    + " to level " + e.toLevel() + " (" + e.reason() + ").");
        } else if (event instanceof IncidentTriaged t) {
            line = new Line("triaged", t.decidedBy(), t.decidedBy() + " decided: "
                    + t.decision().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (t.note() == null || t.note().isBlank() ? "." : ". " + t.note()));
        } else if (event instanceof SeverityChanged s) {
            line = new Line("severity-changed", s.changedBy(), s.changedBy() + " changed the "
                    + "severity from " + s.from() + " to " + s.to() + (s.reason() == null ? "." : ": " + s.reason()));
        } else if (event instanceof HandOffProposed h) {
            line = new Line("hand-off-proposed", h.fromPersonRef(), h.fromPersonRef()
                    + " proposed handing command to " + h.toPersonRef() + " of team " + h.toTeam() + ".");
        } else if (event instanceof CommandHandedOff h) {
            line = new Line("command-handed-off", h.toPersonRef(), h.toPersonRef()
                    + " of team " + h.toTeam() + " took command from " + h.fromPersonRef() + ".");
        } else if (event instanceof HandOffDisputed h) {
            line = new Line("hand-off-disputed", service, "Teams " + h.fromTeam() + " and "
                    + h.toTeam() + " could not agree on the new commander: " + h.reason());
        } else if (event instanceof BlockerRaised b) {
            line = new Line("blocker", b.raisedBy(), b.raisedBy() + " raised a blocker: "
                    + b.summary());
        } else if (event instanceof IncidentMitigated m) {
            line = new Line("mitigated", m.by(), m.by() + " marked the incident mitigated.");
        } else if (event instanceof IncidentResolved r) {
            line = new Line("resolved", r.by(), r.by() + " marked the incident resolved.");
        } else if (event instanceof CloseProposed c) {
            line = new Line("close-proposed", c.proposedBy(), c.proposedBy() + " asked whether "
                    + "anyone is opposed to closing; objections until " + c.objectionWindowEndsAt() + ".");
        } else if (event instanceof CloseObjected c) {
            line = new Line("close-objected", c.objectedBy(), c.objectedBy()
                    + " objected to closing: " + c.reason());
        } else if (event instanceof IncidentClosed c) {
            line = new Line("closed", c.closedBy(), c.closedBy() + " closed the incident.");
        } else if (event instanceof DeadlineScheduled d) {
            line = new Line("deadline-scheduled", service, clock(d.kind().name())
                    + " clock started; due " + d.dueAt() + ".");
        } else if (event instanceof DeadlineWarned d) {
            line = new Line("deadline-warned", service, clock(d.kind().name())
                    + " clock runs out at " + d.dueAt() + ".");
        } else if (event instanceof DeadlineMet d) {
            line = new Line("deadline-met", service, clock(d.kind().name()) + " clock met in time.");
        } else if (event instanceof DeadlineBreached d) {
            line = new Line("deadline-breached", service, clock(d.kind().name())
                    + " clock ran out at " + d.dueAt() + ".");
        } else if (event instanceof NotificationDelivered n) {
            line = new Line("notified", service, "Sent '" + n.template() + "' to "
                    + n.audience() + " by " + n.channel().name().toLowerCase(Locale.ROOT) + ".");
        } else if (event instanceof NotificationFailed n) {
            line = new Line("notification-failed", service, "Could not send '"
                    + n.template() + "' to " + n.audience() + " by " + n.channel().name().toLowerCase(Locale.ROOT)
                    + " after " + n.attempts() + " attempts: " + n.reason());
        } else if (event instanceof TicketRecorded t) {
            line = new Line("ticket", service, "Filed ticket " + t.ticketRef()
                    + (t.label() == null ? "" : " labelled " + t.label()) + ": " + t.summary());
        }
        return Optional.ofNullable(line);
    }

    private static String clock(String kind) {
        String words = kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
