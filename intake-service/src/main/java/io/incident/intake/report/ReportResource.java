package io.incident.intake.report;

import io.incident.intake.idempotency.IdempotencyHeader;
import io.incident.intake.idempotency.IdempotencyKey;
import io.incident.runtime.access.Public;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    /**
     * With an {@code Idempotency-Key}, sending the same report again (after a timeout, a 503, a cut connection)
     * answers as the first time, with {@code Idempotent-Replayed: true}, and opens no second incident.
     */
    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, required = false,
            schema = @Schema(minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH),
            description = "Optional. 1-200 printable ASCII characters naming this report, e.g. a UUID. The same key "
                    + "with the same body within 24 h answers as the first time (with Idempotent-Replayed: true) "
                    + "and opens no second incident; with a different body it is refused with 422.")
    public Response report(NewReport request, @Context HttpHeaders headers) {
        ReportIntake.Taken taken = intake.accept(request, IdempotencyHeader.read(headers));
        Report report = taken.report();
        if (taken.replayOf().isPresent()) {
            return IdempotencyHeader.replay(taken.replayOf().get()).entity(accepted(report)).build();
        }
        return Response.status(ReportIntake.ACCEPTED).entity(accepted(report))
                .location(URI.create("/reports/" + report.id)).build();
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
