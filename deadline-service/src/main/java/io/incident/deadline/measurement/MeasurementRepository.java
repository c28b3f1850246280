package io.incident.deadline.measurement;

import io.incident.events.DeadlineKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates in the database: percentiles over every incident of a period are one scan there, and would be a
 * transfer of every row to do here.
 */
@ApplicationScoped
public class MeasurementRepository {

    private static final String PHASES = """
            select coalesce(team, '(unknown)'), coalesce(severity, '(unknown)'), count(*),
                   %s, %s, %s, %s
              from incident
             where reported_at >= :since and reported_at < :until
               and (cast(:team as text) is null or team = :team)
               and (cast(:severity as text) is null or severity = :severity)
             group by 1, 2
             order by 1, 2""".formatted(phase("acknowledged_at"), phase("mitigated_at"), phase("resolved_at"),
            phase("closed_at"));

    private static final String COMPLIANCE = """
            select d.kind,
                   count(*) filter (where d.status = 'MET'),
                   count(*) filter (where d.status = 'BREACHED')
              from deadline d join incident i on i.id = d.incident_id
             where i.reported_at >= :since and i.reported_at < :until
               and (cast(:team as text) is null or i.team = :team)
               and (cast(:severity as text) is null or i.severity = :severity)
               and d.status in ('MET', 'BREACHED')
             group by d.kind
             order by d.kind""";

    private final EntityManager em;

    public MeasurementRepository(EntityManager em) {
        this.em = em;
    }

    /** count, mean, p50, p90, max of the seconds from the report to this column, over incidents that reached it. */
    private static String phase(String column) {
        String seconds = "extract(epoch from (" + column + " - reported_at))";
        return String.join(", ",
                "count(" + column + ")",
                "avg(" + seconds + ")",
                "percentile_cont(0.5) within group (order by " + seconds + ")",
                "percentile_cont(0.9) within group (order by " + seconds + ")",
                "max(" + seconds + ")");
    }

    public Measurement measure(Measurement.Filter filter) {
        List<Measurement.Group> groups = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(PHASES), filter).getResultList()) {
            Object[] r = (Object[]) row;
            groups.add(new Measurement.Group((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                    phase(r, 3), phase(r, 8), phase(r, 13), phase(r, 18)));
        }
        List<Measurement.Compliance> compliance = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(COMPLIANCE), filter).getResultList()) {
            Object[] r = (Object[]) row;
            DeadlineKind kind = DeadlineKind.valueOf((String) r[0]);
            if (!ProcessRules.measuresCompliance(kind)) {
                continue;
            }
            long met = ((Number) r[1]).longValue();
            long breached = ((Number) r[2]).longValue();
            compliance.add(new Measurement.Compliance(ProcessRules.ruleOf(kind), kind.name(), met, breached,
                    met + breached == 0 ? null : (double) met / (met + breached)));
        }
        return new Measurement(filter, groups, compliance);
    }

    private static Query bind(Query query, Measurement.Filter f) {
        return query.setParameter("since", Timestamp.from(f.since()))
                .setParameter("until", Timestamp.from(f.until()))
                .setParameter("team", f.team())
                .setParameter("severity", f.severity());
    }

    private static Measurement.Phase phase(Object[] r, int at) {
        long count = ((Number) r[at]).longValue();
        return new Measurement.Phase(count, number(r[at + 1]), number(r[at + 2]), number(r[at + 3]), number(r[at + 4]));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
