package io.incident.commander.escalation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StoredPolicyRepository implements PanacheRepositoryBase<StoredPolicy, String> {
}
