package io.incident.docs.writing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActionItemRepository implements PanacheRepositoryBase<ActionItem, UUID> {

    public List<ActionItem> of(UUID documentId) {
        return list("documentId = ?1 order by dueDate, createdAt", documentId);
    }
}
