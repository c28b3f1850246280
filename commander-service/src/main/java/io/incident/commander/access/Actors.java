package io.incident.commander.access;

import io.incident.commander.people.Person;
import io.incident.commander.people.PersonRepository;
import io.incident.runtime.access.Caller;
import io.incident.runtime.access.Callers;
import io.incident.runtime.access.Roles;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Who is acting, as the commander sees it: the authenticated caller (a verified token, see the runtime's
 * {@code access} package) joined with their entry in this service's directory, whose team and access roles widen
 * what they may do or see. Roles may come from either: the identity provider's token or the directory.
 */
@ApplicationScoped
public class Actors {

    private final Callers callers;
    private final PersonRepository people;

    public Actors(Callers callers, PersonRepository people) {
        this.callers = callers;
        this.people = people;
    }

    /** The acting person: 401 without a token, 403 when the token names nobody this directory knows. */
    public Actor require() {
        Caller caller = callers.require();
        return known(caller).orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN,
                "Not in the directory", caller.ref() + " is not a person of this platform's directory."));
    }

    /** For reads: the caller if the request is authenticated, known to the directory or not. */
    public Optional<Actor> current() {
        return callers.current().map(c -> known(c).orElse(new Actor(c.ref(), null, c.has(Roles.ADMIN),
                c.has(Roles.SECURITY))));
    }

    /** A person by reference, such as a hand-off target. */
    public Optional<Actor> named(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        Person p = people.findById(ref.trim());
        return p == null ? Optional.empty() : Optional.of(new Actor(p.ref, p.team, p.roles.contains(Person.ADMIN),
                p.roles.contains(Person.SECURITY)));
    }

    /**
     * Directory, schedule and policy changes need an admin (by token or directory role). While the directory has
     * no admin, any authenticated caller may make them, so a fresh installation can enter its first admin.
     */
    public Actor requireAdmin() {
        Caller caller = callers.require();
        Optional<Actor> actor = known(caller);
        if (caller.has(Roles.ADMIN) || actor.map(Actor::admin).orElse(false)) {
            return actor.orElse(new Actor(caller.ref(), null, true, caller.has(Roles.SECURITY)));
        }
        if (!people.anyAdmin()) {
            return actor.orElse(new Actor(caller.ref(), null, true, false));
        }
        throw new ProblemException(Response.Status.FORBIDDEN, "Admins only",
                caller.ref() + " may not change people, teams, schedules or escalation policies.");
    }

    private Optional<Actor> known(Caller caller) {
        return named(caller.ref()).map(a -> new Actor(a.ref(), a.team(), a.admin() || caller.has(Roles.ADMIN),
                a.security() || caller.has(Roles.SECURITY)));
    }
}
