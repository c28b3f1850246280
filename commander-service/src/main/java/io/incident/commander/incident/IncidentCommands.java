package io.incident.commander.incident;

import io.incident.commander.access.Actor;
import io.incident.events.LifecycleEvent;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Runs a person's action on an incident: load, act, write the change and its events in one transaction. Losing a
 * race with a concurrent action (optimistic lock), or acting in the wrong state, is a 409 that names the current
 * state and who has command.
 */
@ApplicationScoped
public class IncidentCommands {

    private final IncidentRepository incidents;
    private final Outbox outbox;
    private final Clock clock;

    public IncidentCommands(IncidentRepository incidents, Outbox outbox, Clock clock) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.clock = clock;
    }

    public IncidentView act(UUID id, Actor actor, BiFunction<Incident, Instant, List<LifecycleEvent>> action) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Incident incident = find(id, actor);
                List<LifecycleEvent> events = action.apply(incident, clock.instant());
                // The version check runs here, so a lost race fails before any event is written.
                incidents.flush();
                outbox.publishAll(events);
                return IncidentView.of(incident);
            });
        } catch (RuntimeException e) {
            throw translate(id, e);
        }
    }

    public IncidentView view(UUID id, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> IncidentView.of(find(id, actor)));
    }

    /** 404 for an unknown incident and for a security incident the actor may not see. */
    Incident find(UUID id, Actor actor) {
        Incident i = incidents.findById(id);
        if (i == null || !i.visibleTo(actor == null ? null : actor.ref(),
                actor != null && actor.seesSecurityIncidents())) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No such incident",
                    "The commander has not seen incident " + id + ".");
        }
        return i;
    }

    private RuntimeException translate(UUID id, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
            if (t instanceof LifecycleConflict c) {
                return conflict(c.getMessage(), c.state(), c.commander());
            }
            if (t instanceof NotPermitted n) {
                return new ProblemException(Response.Status.FORBIDDEN, "Not permitted", n.getMessage());
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                Incident now = QuarkusTransaction.requiringNew().call(() -> incidents.findById(id));
                String detail = now.commander != null
                        ? now.commander + " has command of incident " + id + "; another action won the race."
                        : "Incident " + id + " changed while this action ran; it is now " + now.state + ".";
                return conflict(detail, now.state, now.commander);
            }
        }
        return e;
    }

    private static ProblemException conflict(String detail, Incident.State state, String commander) {
        Map<String, Object> ext = new HashMap<>();
        ext.put("state", state.name());
        if (commander != null) {
            ext.put("commander", commander);
        }
        return new ProblemException(409, "Not allowed in state " + state, detail, ext);
    }
}
