package io.incident.commander.escalation;

import io.incident.commander.access.Actors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** R-ACK-2: each team's escalation policy. */
@Path("/escalation-policies/{team}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final Policies policies;
    private final Actors actors;

    public PolicyResource(Policies policies, Actors actors) {
        this.policies = policies;
        this.actors = actors;
    }

    @GET
    public EscalationPolicy get(@RestPath String team) {
        return policies.get(team);
    }

    @PUT
    public EscalationPolicy put(@RestPath String team, EscalationPolicy policy) {
        actors.requireAdmin();
        return policies.put(team, policy);
    }

    @DELETE
    public void delete(@RestPath String team) {
        actors.requireAdmin();
        policies.delete(team);
    }
}
