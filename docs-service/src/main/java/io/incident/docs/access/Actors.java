package io.incident.docs.access;

import io.incident.runtime.access.Callers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The authenticated caller as the docs service's access rules see them. */
@ApplicationScoped
public class Actors {

    private final Callers callers;

    public Actors(Callers callers) {
        this.callers = callers;
    }

    /** The caller if the request is authenticated; restricted documents need one. */
    public Optional<Actor> current() {
        return callers.current().map(Actor::of);
    }

    /** Every state-changing call is made by an authenticated person (401 otherwise). */
    public Actor required() {
        return Actor.of(callers.require());
    }
}
