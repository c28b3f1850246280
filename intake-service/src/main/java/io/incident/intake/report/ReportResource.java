package io.incident.intake.report;

import io.incident.runtime.access.Public;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportIntake intake;
    private final ReportRepository reports;
    private final String docsUrl;

    public ReportResource(ReportIntake intake, ReportRepository reports,
                          @ConfigProperty(name = "incident.urls.docs-service") String docsUrl) {
        this.intake = intake;
        this.reports = reports;
        this.docsUrl = docsUrl;
    }

    /** What a reporter gets back: where to follow the incident. */
    public record Accepted(UUID reportId, UUID incidentId, String team, Instant receivedAt, URI document) {
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(NewReport request) {
        Report report = intake.accept(request);
        return Response.accepted(accepted(report)).location(URI.create("/reports/" + report.id)).build();
    }

    @GET
    @Path("/{id}")
    public Accepted get(@RestPath UUID id) {
        Report report = reports.findByIdOptional(id).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "No such report", "There is no report " + id + "."));
        return accepted(report);
    }

    private Accepted accepted(Report r) {
        return new Accepted(r.id, r.incidentId, r.team, r.receivedAt,
                URI.create(docsUrl + "/incidents/" + r.incidentId + "/document"));
    }
}
