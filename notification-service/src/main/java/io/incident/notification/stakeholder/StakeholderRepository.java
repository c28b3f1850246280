package io.incident.notification.stakeholder;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StakeholderRepository implements PanacheRepositoryBase<Stakeholder, UUID> {

    /** Stakeholders in {@code roles} of any of {@code teams}, and company-wide ones (no team). */
    public List<Stakeholder> of(Collection<String> teams, Collection<Role> roles) {
        if (teams.isEmpty()) {
            return list("team is null and role in ?1", roles);
        }
        return list("(team in ?1 or team is null) and role in ?2", teams, roles);
    }

    public List<Stakeholder> all(String team) {
        return team == null ? listAll(Sort.by("team").and("role").and("address"))
                : list("team = ?1 or team is null", Sort.by("team").and("role").and("address"), team);
    }
}
