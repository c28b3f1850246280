package io.incident.commander.people;

import io.incident.commander.access.Actors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** People and teams. Reads are open to the platform's services (notification finds where to page people). */
@Path("/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private final Directory directory;
    private final Actors actors;

    public PeopleResource(Directory directory, Actors actors) {
        this.directory = directory;
        this.actors = actors;
    }

    @GET
    public List<Directory.PersonView> people() {
        return directory.people();
    }

    @GET
    @Path("{ref}")
    public Directory.PersonView person(@RestPath String ref) {
        return directory.person(ref);
    }

    @PUT
    @Path("{ref}")
    public Directory.PersonView putPerson(@RestPath String ref, Directory.PersonInput in) {
        actors.requireAdmin();
        return directory.putPerson(ref, in);
    }

    @DELETE
    @Path("{ref}")
    public void deletePerson(@RestPath String ref) {
        actors.requireAdmin();
        directory.deletePerson(ref);
    }
}
