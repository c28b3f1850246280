package io.incident.commander.access;

import io.incident.commander.people.Person;
import io.incident.commander.people.PersonRepository;
import io.incident.runtime.problem.ProblemException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Who is acting. NOT authentication yet: until the platform has a shared identity provider, a request names its
 * actor in the {@value #HEADER} header (HTML forms in an {@code actor} field), and the name must be a person this
 * service knows. This is the one place that reads it, so a JWT principal can replace it.
 */
@ApplicationScoped
public class Actors {

    public static final String HEADER = "X-Actor";

    private final CurrentVertxRequest request;
    private final PersonRepository people;

    public Actors(CurrentVertxRequest request, PersonRepository people) {
        this.request = request;
        this.people = people;
    }

    /** The acting person, or 401 when the request names nobody or somebody unknown. */
    public Actor require() {
        return resolve(header()).orElseThrow(() -> new ProblemException(Response.Status.UNAUTHORIZED,
                "Who is acting?", "Name a known person in the " + HEADER + " header."));
    }

    /** The acting person named in a form field (HTML pages cannot set headers). */
    public Actor requireFromForm(String actor) {
        return resolve(actor).orElseThrow(() -> new ProblemException(Response.Status.UNAUTHORIZED,
                "Who is acting?", "Give your person reference in the form's 'actor' field."));
    }

    /** For reads: the actor if one is named and known. */
    public Optional<Actor> current() {
        return resolve(header());
    }

    /** A person by reference, for a form or a hand-off target. */
    public Optional<Actor> named(String ref) {
        return resolve(ref);
    }

    /**
     * Directory, schedule and policy changes need an admin; while no admin exists, any named actor may make them,
     * so a fresh installation can enter its first admin.
     */
    public Actor requireAdmin() {
        String named = header();
        if (named == null || named.isBlank()) {
            throw new ProblemException(Response.Status.UNAUTHORIZED, "Who is acting?",
                    "Name a known person in the " + HEADER + " header.");
        }
        Optional<Actor> actor = resolve(named);
        if (actor.map(Actor::admin).orElse(false)) {
            return actor.get();
        }
        if (!people.anyAdmin()) {
            return actor.orElse(new Actor(named, null, true, false));
        }
        throw new ProblemException(Response.Status.FORBIDDEN, "Admins only",
                named + " may not change people, teams, schedules or escalation policies.");
    }

    private String header() {
        RoutingContext ctx = request.getCurrent();
        return ctx == null ? null : ctx.request().getHeader(HEADER);
    }

    private Optional<Actor> resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        Person p = people.findById(ref.trim());
        return p == null ? Optional.empty() : Optional.of(new Actor(p.ref, p.team, p.roles.contains(Person.ADMIN),
                p.roles.contains(Person.SECURITY)));
    }
}
