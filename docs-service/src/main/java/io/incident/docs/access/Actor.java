package io.incident.docs.access;

import io.incident.runtime.access.Caller;

import java.util.Set;

/** Who is calling, from their verified token: their person reference and roles (see {@link Actors}). */
public record Actor(String ref, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    static Actor of(Caller caller) {
        return new Actor(caller.ref(), caller.roles());
    }
}
