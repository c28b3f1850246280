package io.incident.intake.integration;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IntegrationRepository implements PanacheRepositoryBase<Integration, UUID> {

    private static final Sort ORDER = Sort.by("team").and("name").and("createdAt");

    public Optional<Integration> findByKeyHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }

    public List<Integration> all() {
        return listAll(ORDER);
    }

    public List<Integration> ofTeam(String team) {
        return list("team", ORDER, team);
    }
}
