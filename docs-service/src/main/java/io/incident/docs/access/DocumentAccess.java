package io.incident.docs.access;

import io.incident.docs.DocsConfig;
import io.incident.docs.document.Document;
import io.incident.docs.document.DocumentRepository;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.UUID;

/**
 * R-DOC-1, R-SEC-1: a security incident's document is for the restricted audience only: people with the security
 * role and the incident's participants (those paged, in command, or who acted on it). Everyone else is told there is
 * no such document, so that its existence does not leak either.
 */
@ApplicationScoped
public class DocumentAccess {

    private final DocumentRepository documents;
    private final String securityRole;

    public DocumentAccess(DocumentRepository documents, DocsConfig config) {
        this.documents = documents;
        this.securityRole = config.securityRole();
    }

    public boolean canRead(Document d, Optional<Actor> actor) {
        if (!d.security) {
            return true;
        }
        if (actor.isEmpty()) {
            return false;
        }
        return actor.get().hasRole(securityRole) || actor.get().ref().equals(d.commanderRef)
                || documents.isParticipant(d.id, actor.get().ref());
    }

    /** The incident's document, if there is one and the caller may read it; otherwise a 404 problem. */
    public Document readable(UUID incidentId, Optional<Actor> actor) {
        return documents.forIncident(incidentId).filter(d -> canRead(d, actor)).orElseThrow(() -> notFound(incidentId));
    }

    /** As {@link #readable}, with the document row locked for appending to its timeline. */
    public Document writable(UUID incidentId, Actor actor) {
        return documents.forIncidentLocked(incidentId).filter(d -> canRead(d, Optional.of(actor)))
                .orElseThrow(() -> notFound(incidentId));
    }

    public static ProblemException notFound(UUID incidentId) {
        return new ProblemException(Response.Status.NOT_FOUND, "No document yet", "There is no document for incident "
                + incidentId + ". If the report was just accepted, its document appears within seconds.");
    }
}
