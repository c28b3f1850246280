package io.incident.notification.stakeholder;

import io.incident.runtime.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Who hears about which team's incidents, and each team's bridge, room and ticketing settings. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StakeholderResource {

    private final Stakeholders stakeholders;

    public StakeholderResource(Stakeholders stakeholders) {
        this.stakeholders = stakeholders;
    }

    @GET
    @Path("stakeholders")
    public List<StakeholderView> list(@QueryParam("team") String team) {
        return stakeholders.list(team);
    }

    @POST
    @Path("stakeholders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response add(StakeholderRequest request) {
        StakeholderView created = stakeholders.add(request);
        return Response.created(URI.create("/stakeholders/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("stakeholders/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response remove(@PathParam("id") UUID id) {
        stakeholders.remove(id);
        return Response.noContent().build();
    }

    @GET
    @Path("teams/{team}/settings")
    public TeamSettingsView settings(@PathParam("team") String team) {
        return stakeholders.settings(team);
    }

    @PUT
    @Path("teams/{team}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public TeamSettingsView saveSettings(@PathParam("team") String team,
                                         TeamSettingsView settings) {
        return stakeholders.saveSettings(team, settings);
    }

    public record StakeholderRequest(String team, String role, String minSeverity, String channel, String address) {
    }

    public record StakeholderView(UUID id, String team, Role role, String minSeverity, StakeholderChannel channel,
                                  String address) {
    }

    public record TeamSettingsView(String team, String bridge, String chatKind, String chatUrl, String roomTopicUrl,
                                   String ticketUrl, String ticketProject) {
    }
}
