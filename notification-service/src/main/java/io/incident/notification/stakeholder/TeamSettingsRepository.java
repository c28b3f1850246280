package io.incident.notification.stakeholder;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TeamSettingsRepository implements PanacheRepositoryBase<TeamSettings, String> {
}
