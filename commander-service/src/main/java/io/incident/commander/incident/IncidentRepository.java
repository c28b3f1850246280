package io.incident.commander.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    public List<Incident> inState(Incident.State state, int limit) {
        return find("state", Sort.ascending("reportedAt"), state).page(0, limit).list();
    }

    /** Nobody has command and the alert was not dismissed at triage, oldest first. */
    public List<Incident> awaitingAcknowledgement(int limit) {
        return find("commander is null and (state = ?1 or (state = ?2 and triageDecision = ?3))",
                Sort.ascending("reportedAt"), Incident.State.REPORTED, Incident.State.TRIAGED,
                io.incident.events.TriageDecision.INCIDENT).page(0, limit).list();
    }

    public List<Incident> underCommand(int limit) {
        return find("commander is not null and state in ?1", Sort.ascending("acknowledgedAt"),
                List.of(Incident.State.COMMANDED, Incident.State.MITIGATED, Incident.State.RESOLVED))
                .page(0, limit).list();
    }

    /**
     * One page of the incident list, newest first, with one row more than asked so the caller knows whether a
     * next page exists. Security incidents are left out unless the viewer sees them (R-SEC-2): the security role,
     * an admin, or a participant of that incident.
     */
    public List<IncidentSummary> search(IncidentSearch s, String viewer, boolean seesSecurity) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (!s.states().isEmpty()) {
            where.append(" and i.state in :states");
            p.put("states", s.states());
        }
        if (s.team() != null) {
            where.append(" and i.team = :team");
            p.put("team", s.team());
        }
        if (!s.severities().isEmpty()) {
            where.append(" and i.severity in :severities");
            p.put("severities", s.severities().stream().map(Enum::name).toList());
        }
        if (s.commander() != null) {
            where.append(" and i.commander = :commander");
            p.put("commander", s.commander());
        }
        if (s.security() != null) {
            where.append(" and i.security = :security");
            p.put("security", s.security());
        }
        if (s.titlePattern() != null) {
            where.append(" and lower(i.title) like :title escape '!'");
            p.put("title", s.titlePattern());
        }
        if (s.reportedFrom() != null) {
            where.append(" and i.reportedAt >= :from");
            p.put("from", s.reportedFrom());
        }
        if (s.reportedBefore() != null) {
            where.append(" and i.reportedAt < :before");
            p.put("before", s.reportedBefore());
        }
        if (!seesSecurity) {
            if (viewer == null) {
                where.append(" and i.security = false");
            } else {
                where.append(" and (i.security = false or :viewer member of i.participants)");
                p.put("viewer", viewer);
            }
        }
        if (s.after() != null) {
            where.append(" and (i.reportedAt < :afterAt or (i.reportedAt = :afterAt and i.id < :afterId))");
            p.put("afterAt", s.after().reportedAt());
            p.put("afterId", s.after().id());
        }
        var query = getEntityManager().createQuery("""
                select new io.incident.commander.incident.IncidentSummary(i.id, i.team, i.title, i.severity, i.state,
                       i.security, i.triageDecision, i.commander, i.reportCount, i.reportedAt, i.updatedAt,
                       i.acknowledgedAt, i.acknowledgeBy, i.escalationLevel)
                  from Incident i
                """ + where + " order by i.reportedAt desc, i.id desc", IncidentSummary.class);
        p.forEach(query::setParameter);
        return query.setMaxResults(s.limit() + 1).getResultList();
    }
}
