package io.incident.intake.pii;

import io.incident.runtime.access.Roles;
import io.incident.runtime.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.UUID;

/**
 * The original, unredacted reports of a security incident (R-REP-6), for the people handling it: the security role
 * only, and every read is in the audit log.
 */
@Path("/pii-vault")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECURITY)
@Audited
public class PiiVaultResource {

    private final PiiVault vault;

    public PiiVaultResource(PiiVault vault) {
        this.vault = vault;
    }

    @GET
    @Path("/incidents/{incidentId}")
    public List<PiiVault.Original> ofIncident(@RestPath UUID incidentId) {
        return vault.ofIncident(incidentId);
    }
}
