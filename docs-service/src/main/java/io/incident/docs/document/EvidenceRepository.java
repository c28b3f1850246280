package io.incident.docs.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<EvidenceLink, Long> {

    /** In the order the links arrived. */
    public List<EvidenceLink> of(UUID documentId) {
        return list("documentId = ?1 order by id", documentId);
    }

    /**
     * Adds the link unless the document has it already: the first to give a link keeps it, with its label and
     * source, and a later report or entry with the same address adds nothing.
     *
     * @return whether the link was new
     */
    public boolean addIfNew(UUID documentId, EvidenceLinks.Link link, Instant at) {
        return getEntityManager().createNativeQuery("insert into evidence (document_id, url, label, source, actor,"
                        + " added_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (document_id, url) do nothing")
                .setParameter(1, documentId).setParameter(2, link.url()).setParameter(3, link.label())
                .setParameter(4, link.source()).setParameter(5, link.actor()).setParameter(6, at)
                .executeUpdate() == 1;
    }
}
