package io.incident.intake.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The restricted store of R-REP-6: the original text of a report that held personal data. Nothing else in intake
 * keeps that text; the report row, the event, the logs and the documents get the redacted form. Its one reader is
 * {@link PiiVaultResource}: the security role only, every read in the audit log.
 */
@ApplicationScoped
public class PiiVault {

    private final EntityManager em;

    public PiiVault(EntityManager em) {
        this.em = em;
    }

    public record Original(UUID reportId, UUID incidentId, Set<PiiKind> kinds, String title, String description,
                           String rawPayload) {
    }

    /** The originals behind an incident's reports, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Original> ofIncident(UUID incidentId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select report_id, incident_id, kinds, title, description, raw_payload from pii_vault
                        where incident_id = ?1 order by stored_at""")
                .setParameter(1, incidentId).getResultList();
        return rows.stream().map(r -> new Original((UUID) r[0], (UUID) r[1], kinds((String) r[2]),
                (String) r[3], (String) r[4], (String) r[5])).toList();
    }

    private static Set<PiiKind> kinds(String stored) {
        Set<PiiKind> kinds = EnumSet.noneOf(PiiKind.class);
        for (String name : stored.split(",")) {
            if (!name.isBlank()) {
                kinds.add(PiiKind.valueOf(name.trim()));
            }
        }
        return kinds;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(Original original, Instant now) {
        em.createNativeQuery("""
                        insert into pii_vault (report_id, incident_id, kinds, title, description, raw_payload, stored_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, original.reportId()).setParameter(2, original.incidentId())
                .setParameter(3, String.join(",", PiiDetector.names(original.kinds())))
                .setParameter(4, original.title()).setParameter(5, original.description())
                .setParameter(6, original.rawPayload()).setParameter(7, now)
                .executeUpdate();
    }
}
