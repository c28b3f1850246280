package io.incident.intake.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mail tables. Plain SQL, joining the caller's transaction so threads move with the report and its event. */
@ApplicationScoped
public class MailStore {

    private final EntityManager em;

    public MailStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Serialises mail intake per team until the transaction ends, so two mails with one new subject cannot both
     * open an incident. Mail arrives at human rates; a lock per team costs nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockTeam(String team) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "intake-mail:" + team)
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean known(String messageId, String team) {
        return !em.createNativeQuery("select 1 from mail_message where message_id = ?1 and team = ?2")
                .setParameter(1, messageId).setParameter(2, team).getResultList().isEmpty();
    }

    /** The team's open incident of the newest of these mails that intake took for the team. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> openIncidentOfThread(String team, List<String> messageIds) {
        for (String id : messageIds) {
            List<?> rows = em.createNativeQuery("""
                            select m.incident_id from mail_message m
                              join mail_incident i on i.incident_id = m.incident_id
                             where m.message_id = ?1 and m.team = ?2 and i.open""")
                    .setParameter(1, id).setParameter(2, team).getResultList();
            if (!rows.isEmpty()) {
                return Optional.of((UUID) rows.get(0));
            }
        }
        return Optional.empty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> openIncident(String team, String column, String value) {
        String where = column == null ? "" : " and " + column + " = ?2";
        var query = em.createNativeQuery("select incident_id from mail_incident where team = ?1 and open" + where
                + " order by opened_at desc limit 1").setParameter(1, team);
        if (column != null) {
            query.setParameter(2, value);
        }
        List<?> rows = query.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((UUID) rows.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(UUID incidentId, String team, String subjectKey, String plusKey, Instant now) {
        em.createNativeQuery("""
                        insert into mail_incident (incident_id, team, subject_key, plus_key, open, opened_at)
                        values (?1, ?2, ?3, ?4, true, ?5)""")
                .setParameter(1, incidentId).setParameter(2, team).setParameter(3, subjectKey)
                .setParameter(4, plusKey).setParameter(5, now).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void message(String messageId, String team, UUID incidentId, UUID reportId, Instant now) {
        em.createNativeQuery("""
                        insert into mail_message (message_id, team, incident_id, report_id, received_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, messageId).setParameter(2, team).setParameter(3, incidentId)
                .setParameter(4, reportId).setParameter(5, now).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void attachment(UUID reportId, UUID incidentId, ParsedMail.Attachment a, Instant now) {
        em.createNativeQuery("""
                        insert into mail_attachment (id, report_id, incident_id, file_name, content_type, size_bytes,
                                                     content, received_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, reportId).setParameter(3, incidentId)
                .setParameter(4, a.fileName()).setParameter(5, a.contentType()).setParameter(6, a.content().length)
                .setParameter(7, a.content()).setParameter(8, now).executeUpdate();
    }

    /** The incident is over: later mails on its thread, key or subject open a new one. Idempotent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(UUID incidentId) {
        em.createNativeQuery("update mail_incident set open = false where incident_id = ?1")
                .setParameter(1, incidentId).executeUpdate();
    }
}
