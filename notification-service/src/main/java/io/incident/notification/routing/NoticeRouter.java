package io.incident.notification.routing;

import io.incident.events.BlockerRaised;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineWarned;
import io.incident.events.DocumentCreated;
import io.incident.events.DocumentUpdated;
import io.incident.events.EventEnvelope;
import io.incident.events.HandOffDisputed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.ReportChannel;
import io.incident.events.SecurityFormFiled;
import io.incident.events.TriageDecision;
import io.incident.notification.stakeholder.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which notices an event calls for, and for whom: the process rules as one pure function of the event and what is
 * known about the incident. Addresses, templates and sending come later.
 */
public final class NoticeRouter {

    /** Everyone affected who hears about an incident's course, each from their own minimum severity. */
    static final Set<Role> BROADCAST = EnumSet.of(Role.PRODUCT_OWNER, Role.SI_TEAM, Role.SERVICE_CENTER, Role.CTO,
            Role.CPO);
    /** R-CMD-4, R-CMD-6: whoever settles what the IC cannot. */
    static final Set<Role> ESCALATION = EnumSet.of(Role.PRODUCT_OWNER, Role.CTO);
    /** R-SEC-3. */
    static final Set<Role> LEADERSHIP = EnumSet.of(Role.PRODUCT_OWNER, Role.CTO, Role.CPO);
    /** R-SEC-1, R-SEC-4: the IT service desk gets the form; legal and public relations are looped in. */
    static final Set<Role> SECURITY = EnumSet.of(Role.IT_SERVICE_DESK, Role.LEGAL, Role.PUBLIC_RELATIONS);
    /**
     * Clocks whose warning goes to the IC; the acknowledge clock is the commander service's escalation. TRIAGE runs
     * from the acknowledgement to the triage decision, so the one who acknowledged (the IC) is the one to decide or
     * escalate (R-ACK-3).
     */
    static final Set<DeadlineKind> IC_CLOCKS = EnumSet.of(DeadlineKind.TRIAGE, DeadlineKind.DOCUMENT_UPDATE,
            DeadlineKind.SECURITY_FORM,
            DeadlineKind.LEADERSHIP_UPDATE, DeadlineKind.FATIGUE_ROTATION, DeadlineKind.INQUIRY_RESPONSE,
            DeadlineKind.ROOT_CAUSE_ANALYSIS);

    private final Links links;

    public NoticeRouter(Links links) {
        this.links = links;
    }

    public List<Notice> route(EventEnvelope envelope, IncidentContext incident) {
        String id = envelope.id().toString();
        List<Notice> out = new ArrayList<>();
        Set<String> team = Set.of(incident.team());
        if (envelope.data() instanceof IncidentReported r) {
            if (r.channel() == ReportChannel.EMAIL && r.reporterRef() != null && r.qualityFindings() != null
                    && !r.qualityFindings().isEmpty()) {
                out.add(new Notice(id, "reporter-reply", new Audience.Reporter(r.reporterRef()),
                        Map.of("findings", List.copyOf(r.qualityFindings()))));
            }
            active(incident, out);
        } else if (envelope.data() instanceof CommanderPaged p) {
            out.add(new Notice(id, "page", new Audience.Person(p.personRef(), "PAGED_IC"),
                    PageContent.values(p, incident, links)));
        } else if (envelope.data() instanceof CommanderAcknowledged a) {
            active(incident, out);
        } else if (envelope.data() instanceof DocumentCreated d) {
            active(incident, out);
        } else if (envelope.data() instanceof IncidentEscalated e) {
            if (e.reason() != null && e.reason().replace('_', '-').equalsIgnoreCase("levels-exhausted")) {
                out.add(roles(id, "escalation-exhausted", ESCALATION, team, false, Map.of()));
            }
        } else if (envelope.data() instanceof BlockerRaised b) {
            Map<String, Object> v = Map.of("summary", b.summary(), "raisedBy", b.raisedBy());
            out.add(roles(id, "blocker", ESCALATION, team, false, v));
            out.add(new Notice(id, "blocker", new Audience.TeamRoom(incident.team()), v));
        } else if (envelope.data() instanceof CommandHandedOff h) {
            Map<String, Object> v = Map.of("fromRef", h.fromPersonRef(), "toRef", h.toPersonRef(),
                    "toTeam", h.toTeam());
            Set<String> teams = new LinkedHashSet<>(List.of(incident.team(), h.toTeam()));
            out.add(roles(id, "handoff-completed", EnumSet.of(Role.PRODUCT_OWNER), teams, false, v));
            for (String t : teams) {
                out.add(new Notice(id, "handoff-completed", new Audience.TeamRoom(t), v));
            }
        } else if (envelope.data() instanceof HandOffDisputed d) {
            out.add(roles(id, "handoff-disputed", ESCALATION,
                    new LinkedHashSet<>(List.of(d.fromTeam(), d.toTeam())), false,
                    Map.of("fromTeam", d.fromTeam(), "toTeam", d.toTeam(), "reason", nz(d.reason()))));
        } else if (envelope.data() instanceof DocumentUpdated u) {
            if ("leadership-update".equals(u.entryKind())) {
                out.add(roles(id, "leadership-update", LEADERSHIP, team, false, Map.of("revision", u.revision())));
            }
        } else if (envelope.data() instanceof SecurityFormFiled f) {
            out.add(roles(id, "security-form", SECURITY, team, false,
                    Map.of("filedAt", f.filedAt().toString())));
        } else if (envelope.data() instanceof CloseProposed c) {
            Map<String, Object> v = Map.of("objectionUrl", links.closeObjections(c.incidentId()),
                    "objectionWindowEndsAt", c.objectionWindowEndsAt().toString());
            out.add(roles(id, "close-proposed", BROADCAST, team, true, v));
            out.add(new Notice(id, "close-proposed", new Audience.TeamRoom(incident.team()), v));
        } else if (envelope.data() instanceof IncidentResolved r) {
            if (incident.commanderRef() == null) {
                out.add(resolvedBeforeCommand(incident, r.by(), r.resolvedAt()));
            } else {
                out.add(roles(id, "resolved", BROADCAST, team, true, Map.of()));
            }
            out.add(new Notice(id, "resolved", new Audience.TeamRoom(incident.team()), Map.of()));
        } else if (envelope.data() instanceof IncidentClosed c) {
            if (incident.commanderRef() == null) {
                out.add(resolvedBeforeCommand(incident, c.closedBy(), c.closedAt()));
            } else {
                out.add(roles(id, "closed", BROADCAST, team, true, Map.of()));
            }
            out.add(new Notice(id, "closed", new Audience.TeamRoom(incident.team()), Map.of()));
            out.add(new Notice(id, "room-topic-reset", new Audience.RoomTopic(incident.team()),
                    Map.of("responseTeamsUrl", links.responseTeamsUrl())));
        } else if (envelope.data() instanceof IncidentTriaged t) {
            if ((t.decision() == TriageDecision.NOT_AN_INCIDENT || t.decision() == TriageDecision.FALSE_POSITIVE)
                    && t.ticketLabel() != null && !t.ticketLabel().isBlank()) {
                out.add(new Notice(id, "ticket", new Audience.Ticketing(incident.team()),
                        Map.of("label", t.ticketLabel(), "decision", t.decision().name(),
                                "note", nz(t.note()), "decidedBy", t.decidedBy())));
            }
        } else if (envelope.data() instanceof DeadlineWarned w) {
            if (IC_CLOCKS.contains(w.kind())) {
                out.add(toCommanderOr(id, "deadline-warned", incident, Set.of(),
                        deadline(w.kind(), w.dueAt(), false)));
            }
        } else if (envelope.data() instanceof DeadlineBreached b) {
            if (IC_CLOCKS.contains(b.kind())) {
                Map<String, Object> v = deadline(b.kind(), b.dueAt(), true);
                out.add(toCommanderOr(id, "deadline-breached", incident, EnumSet.of(Role.PRODUCT_OWNER), v));
                if (incident.commanderRef() != null) {
                    out.add(roles(id, "deadline-breached", EnumSet.of(Role.PRODUCT_OWNER), team, false, v));
                }
            }
        }
        return out;
    }

    /** R-CMD-3: once the report, the IC's acknowledgement and the document are all known, in whichever order. */
    private void active(IncidentContext incident, List<Notice> out) {
        if (!incident.reported() || incident.commanderRef() == null || incident.documentUrl() == null) {
            return;
        }
        String key = "active:" + incident.incidentId();
        Map<String, Object> v = Map.of("commanderRef", incident.commanderRef());
        out.add(roles(key, "active-incident", BROADCAST, Set.of(incident.team()), true, v));
        out.add(new Notice(key, "active-incident", new Audience.TeamRoom(incident.team()), v));
        out.add(new Notice(key, "room-topic-active", new Audience.RoomTopic(incident.team()), v));
    }

    /**
     * An incident that ended before anyone took command (an alert that fired and cleared, a tool's resolve) was never
     * announced: a bare "[Resolved]" would be the first its stakeholders hear of it. They get one message that tells
     * it whole, under one key per incident, so the resolve and a later close of the same incident send it once.
     */
    private static Notice resolvedBeforeCommand(IncidentContext incident, String by, Instant at) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("startedAt", incident.reportedAt() == null ? PageContent.NOT_KNOWN_YET
                : PageContent.when(incident.reportedAt()));
        v.put("endedAt", PageContent.when(at));
        v.put("endedBy", nz(by));
        return roles("unattended:" + incident.incidentId(), StoryRule.RESOLVED_BEFORE_COMMAND, BROADCAST,
                Set.of(incident.team()), true, v);
    }

    private static Map<String, Object> deadline(DeadlineKind kind, Instant dueAt, boolean breached) {
        return Map.of("kind", kind.name(), "clock", DeadlineWording.clock(kind),
                "action", DeadlineWording.action(kind, breached), "dueAt", dueAt.toString());
    }

    private static Notice toCommanderOr(String key, String template, IncidentContext incident, Set<Role> fallback,
                                        Map<String, Object> values) {
        if (incident.commanderRef() != null) {
            return new Notice(key, template, new Audience.Person(incident.commanderRef(), "INCIDENT_COMMANDER"), values);
        }
        return roles(key, template, fallback.isEmpty() ? EnumSet.of(Role.PRODUCT_OWNER) : fallback,
                Set.of(incident.team()), false, values);
    }

    private static Notice roles(String key, String template, Set<Role> roles, Set<String> teams, boolean bySeverity,
                                Map<String, Object> values) {
        return new Notice(key, template, new Audience.Roles(roles, teams, bySeverity), new LinkedHashMap<>(values));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
