package io.incident.intake.integration;

import io.incident.runtime.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {

    /** An answer that holds a key must not linger in a proxy or a browser cache. */
    private static final String NO_STORE = "no-store";

    private final Integrations integrations;

    public IntegrationResource(Integrations integrations) {
        this.integrations = integrations;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewIntegration request) {
        KeyIssued issued = integrations.create(request);
        return Response.created(URI.create("/integrations/" + issued.id())).entity(issued)
                .header("Cache-Control", NO_STORE).build();
    }

    @GET
    public List<IntegrationView> list(@RestQuery String team) {
        return integrations.list(team);
    }

    @GET
    @Path("/{id}")
    public IntegrationView get(@RestPath UUID id) {
        return integrations.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/rotate")
    public Response rotate(@RestPath UUID id) {
        return Response.ok(integrations.rotate(id)).header("Cache-Control", NO_STORE).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/signing-secret")
    public Response issueSigningSecret(@RestPath UUID id) {
        return Response.status(Response.Status.CREATED).entity(integrations.issueSigningSecret(id))
                .header("Cache-Control", NO_STORE).build();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/signing-secret")
    public IntegrationView dropSigningSecret(@RestPath UUID id) {
        return integrations.dropSigningSecret(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/disable")
    public IntegrationView disable(@RestPath UUID id) {
        return integrations.disable(id);
    }
}
