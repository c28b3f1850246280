package io.incident.notification.stakeholder;

import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DocumentCreated;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.notification.routing.IncidentContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers each incident (team, severity, audience, commander, document) so later notices know whom to tell and
 * what to link. Events from different topics can arrive in any order, so an event that names the team may create
 * the record before the report does; the report then fills in the title.
 */
@ApplicationScoped
public class IncidentWatch {

    private final KnownIncidentRepository incidents;
    private final Clock clock;

    public IncidentWatch(KnownIncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Applies what the event says about the incident; empty if the incident is not known yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IncidentContext> apply(EventEnvelope envelope) {
        IncidentEvent event = envelope.data();
        KnownIncident k = incidents.findById(event.incidentId());
        if (event instanceof IncidentReported r) {
            if (k == null) {
                k = create(r.incidentId(), r.team(), r.severity(), r.security(), r.reportedAt());
            }
            if (!k.reported) {
                // Fills in what a lifecycle event that came first could not know. Not the team: the commander's
                // events name the team that owns the incident now, which routing may have changed (R-CMD-8).
                k.title = r.title();
                k.severity = r.severity().name();
                k.reportedAt = r.reportedAt();
                k.security = k.security || r.security();
                k.reported = true;
                k.source = r.channel() == null ? null : r.channel().name();
                k.description = r.description();
                k.evidenceLinks = joinLinks(r.evidenceLinks());
            }
        } else if (event instanceof ReportAttached a) {
            // The reports topic keeps one incident's events in order, so the opening report was read first; the
            // count is what the page's "reports so far" says on a later escalation level.
            if (k != null) {
                k.reportCount += a.alertCount();
            }
        } else if (event instanceof CommanderPaged p) {
            if (k == null) {
                k = create(p.incidentId(), p.team(), p.severity(), p.security(), p.pagedAt());
            }
            // A page names the team that owns the incident: after routing (R-CMD-8) that team's stakeholders,
            // not the first team's, hear the rest.
            k.team = p.team();
        } else if (event instanceof CommanderAcknowledged a) {
            if (k == null) {
                k = create(a.incidentId(), a.team(), Severity.SEV3, false, a.acknowledgedAt());
            }
            k.commanderRef = a.personRef();
        } else if (event instanceof CommandHandedOff h) {
            // The owning team's stakeholders keep hearing about it; only the commander changes.
            if (k != null) {
                k.commanderRef = h.toPersonRef();
            }
        } else if (event instanceof DocumentCreated d) {
            if (k != null) {
                k.documentUrl = d.url();
            }
        } else if (event instanceof SeverityChanged s) {
            if (k != null) {
                k.severity = s.to().name();
            }
        } else if (event instanceof IncidentClosed c) {
            if (k == null) {
                k = create(c.incidentId(), c.team(), c.severity(), false, c.reportedAt());
            }
        }
        return Optional.ofNullable(k).map(IncidentWatch::context);
    }

    private KnownIncident create(UUID id, String team, Severity severity, boolean security, Instant reportedAt) {
        KnownIncident k = new KnownIncident();
        k.incidentId = id;
        k.team = team;
        k.title = KnownIncident.untitled(id);
        k.severity = severity.name();
        k.security = security;
        k.reportedAt = reportedAt;
        k.firstSeenAt = clock.instant();
        k.reported = false;
        incidents.persist(k);
        return k;
    }

    private static IncidentContext context(KnownIncident k) {
        return new IncidentContext(k.incidentId, k.team, k.title, Severity.valueOf(k.severity), k.security,
                k.commanderRef, k.documentUrl, k.reported, source(k.source), k.reportedAt, k.description,
                splitLinks(k.evidenceLinks), k.reportCount);
    }

    /** A link with a line break in it is not a URL; it is dropped rather than split into two wrong ones. */
    static String joinLinks(List<String> links) {
        if (links == null || links.isEmpty()) {
            return null;
        }
        List<String> kept = links.stream().filter(l -> l != null && !l.isBlank() && !l.contains("\n")
                && !l.contains("\r")).map(String::strip).toList();
        return kept.isEmpty() ? null : String.join("\n", kept);
    }

    static List<String> splitLinks(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split("\n"));
    }

    private static ReportChannel source(String name) {
        return name == null ? null : ReportChannel.valueOf(name);
    }
}
