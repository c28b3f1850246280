package io.incident.docs.document;

import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.SeverityChanged;

import java.util.Set;

/**
 * The document's header as the lifecycle events leave it (R-DOC-1): severity, status, commander and team. Pure: a
 * function of the previous header and one event, so replaying the events rebuilds it.
 *
 * <p>Statuses: {@code reported} until an IC acknowledges, then {@code active}, {@code mitigated}, {@code resolved},
 * {@code closing} while a close proposal waits for objections, and {@code closed}; a triage that finds no incident
 * ends it as {@code not-an-incident} or {@code false-positive}.
 */
public record DocumentHeader(String title, String team, String severity, String status, String commanderRef,
                             boolean security) {

    public static final String REPORTED = "reported";
    public static final String ACTIVE = "active";
    public static final String MITIGATED = "mitigated";
    public static final String RESOLVED = "resolved";
    public static final String CLOSING = "closing";
    public static final String CLOSED = "closed";
    public static final String NOT_AN_INCIDENT = "not-an-incident";
    public static final String FALSE_POSITIVE = "false-positive";

    /** Statuses after which nobody works on the incident any more. */
    public static final Set<String> ENDED = Set.of(CLOSED, NOT_AN_INCIDENT, FALSE_POSITIVE);

    public static DocumentHeader of(IncidentReported r) {
        return new DocumentHeader(r.title(), r.team(), r.severity().name(), REPORTED, null, r.security());
    }

    public boolean open() {
        return !ENDED.contains(status);
    }

    public DocumentHeader apply(IncidentEvent event) {
        if (ENDED.contains(status)) {
            // A late event (a redelivered acknowledgement, say) must not reopen an ended incident's header.
            return event instanceof SeverityChanged s ? withSeverity(s.to().name()) : this;
        }
        if (event instanceof CommanderAcknowledged a) {
            return new DocumentHeader(title, a.team(), severity, REPORTED.equals(status) ? ACTIVE : status,
                    a.personRef(), security);
        }
        if (event instanceof CommandHandedOff h) {
            return new DocumentHeader(title, h.toTeam(), severity, status, h.toPersonRef(), security);
        }
        if (event instanceof SeverityChanged s) {
            return withSeverity(s.to().name());
        }
        if (event instanceof IncidentTriaged t) {
            return switch (t.decision()) {
                case NOT_AN_INCIDENT -> withStatus(NOT_AN_INCIDENT);
                case FALSE_POSITIVE -> withStatus(FALSE_POSITIVE);
                case INCIDENT -> REPORTED.equals(status) ? withStatus(ACTIVE) : this;
            };
        }
        if (event instanceof IncidentMitigated) {
            return withStatus(MITIGATED);
        }
        if (event instanceof IncidentResolved) {
            return withStatus(RESOLVED);
        }
        if (event instanceof CloseProposed) {
            return withStatus(CLOSING);
        }
        if (event instanceof CloseObjected) {
            return withStatus(RESOLVED);
        }
        if (event instanceof IncidentClosed c) {
            return new DocumentHeader(title, team, c.severity() == null ? severity : c.severity().name(), CLOSED,
                    commanderRef, security);
        }
        return this;
    }

    private DocumentHeader withStatus(String s) {
        return new DocumentHeader(title, team, severity, s, commanderRef, security);
    }

    private DocumentHeader withSeverity(String s) {
        return new DocumentHeader(title, team, s, status, commanderRef, security);
    }
}
