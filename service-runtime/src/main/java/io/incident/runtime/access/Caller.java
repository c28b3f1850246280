package io.incident.runtime.access;

import java.util.Set;

/** Who a request comes from, as its verified token says: a person's reference (or a service's name) and roles. */
public record Caller(String ref, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(Roles.expand(roles));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
