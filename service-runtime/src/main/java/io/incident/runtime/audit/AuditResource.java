package io.incident.runtime.audit;

import io.incident.runtime.access.Callers;
import io.incident.runtime.access.Roles;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.sql.SQLException;
import java.util.List;

/** The audit log, for admins and the security team. */
@Path("/admin/audit")
public class AuditResource {

    private final AuditLog log;
    private final Callers callers;

    public AuditResource(AuditLog log, Callers callers) {
        this.log = log;
        this.callers = callers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntry> latest(@RestQuery String actor, @RestQuery Integer limit) throws SQLException {
        callers.requireAny(Roles.ADMIN, Roles.SECURITY);
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid limit", "limit is 1 to 1000.");
        }
        return log.latest(actor == null || actor.isBlank() ? null : actor, n);
    }
}
