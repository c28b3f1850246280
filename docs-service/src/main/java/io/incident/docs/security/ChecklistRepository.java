package io.incident.docs.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChecklistRepository implements PanacheRepositoryBase<ChecklistItem, UUID> {

    public List<ChecklistItem> of(UUID documentId) {
        return list("documentId = ?1 order by position", documentId);
    }
}
