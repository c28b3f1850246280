package io.incident.commander.people;

import io.incident.commander.access.Actors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** Teams and who holds the process's roles; {@code PUT /teams/organisation} sets the company-wide ones. */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final Directory directory;
    private final Actors actors;

    public TeamResource(Directory directory, Actors actors) {
        this.directory = directory;
        this.actors = actors;
    }

    @GET
    public List<String> teams() {
        return directory.teamNames();
    }

    @GET
    @Path("{team}")
    public Directory.TeamView team(@RestPath String team) {
        return directory.team(team);
    }

    @PUT
    @Path("{team}")
    public Directory.TeamView putTeam(@RestPath String team, Directory.TeamInput in) {
        actors.requireAdmin();
        return directory.putTeam(team, in);
    }
}
