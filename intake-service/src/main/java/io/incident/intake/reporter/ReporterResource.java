package io.incident.intake.reporter;

import io.incident.intake.report.ReportRepository;
import io.incident.runtime.access.Roles;
import io.incident.runtime.audit.Audited;
import io.incident.runtime.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/**
 * Internal: how to reach the reporter behind an event's {@code reporterRef}, so the notification service can tell
 * an e-mail reporter what the report lacked (R-REP-4). Events carry only the reference (R-REP-6); this is the one
 * way back to the address. Only the platform's services (with their service token) and the security role may ask;
 * every answer is in the audit log.
 */
@Path("/reporters")
@RolesAllowed({Roles.SERVICE, Roles.SECURITY})
@Audited
@Produces(MediaType.APPLICATION_JSON)
public class ReporterResource {

    private final ReportRepository reports;

    public ReporterResource(ReportRepository reports) {
        this.reports = reports;
    }

    public record Reporter(String ref, String email) {
    }

    @GET
    @Path("/{ref}")
    @Transactional
    public Reporter get(@RestPath String ref) {
        UUID id;
        try {
            id = UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            throw notFound(ref);
        }
        return reports.find("reporterRef", id).firstResultOptional()
                .filter(r -> r.reporter != null)
                .map(r -> new Reporter(ref, r.reporter))
                .orElseThrow(() -> notFound(ref));
    }

    private static ProblemException notFound(String ref) {
        return new ProblemException(Response.Status.NOT_FOUND, "No such reporter",
                "There is no reporter " + ref + ".");
    }
}
