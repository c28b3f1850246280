package io.incident.docs.postmortem;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostmortemRepository implements PanacheRepositoryBase<Postmortem, UUID> {

    public Optional<Postmortem> ofDocument(UUID documentId) {
        return find("documentId", documentId).firstResultOptional();
    }
}
