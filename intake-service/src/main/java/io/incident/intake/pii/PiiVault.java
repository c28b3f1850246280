package io.incident.intake.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The restricted store of R-REP-6: the original text of a report that held personal data. Nothing else in intake
 * keeps that text; the report row, the event, the logs and the documents get the redacted form. The table has no
 * reader in this service on purpose: whoever handles the security incident reads it with the database's own
 * grants, which a deployment gives to the security team only.
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
