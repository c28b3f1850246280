package io.incident.runtime.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.Map;

/**
 * The last line of defence for the problem-JSON promise: an error answered by a mapper built into an extension
 * (its own JSON shape, or no body at all) is rewritten as RFC 7807 before it leaves.
 */
public class ProblemResponseFilter {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerResponseFilter
    public void toProblem(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || PROBLEM.isCompatible(response.getMediaType())) {
            return;
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Error" : info.getReasonPhrase();
        String detail = status == 400
                ? "The request could not be read; send a JSON object as the API documentation at /q/openapi describes."
                : title + ".";
        response.setEntity(new Problem(URI.create("about:blank"), title, status, detail,
                "/" + request.getUriInfo().getPath().replaceFirst("^/", ""), Map.of()), null, PROBLEM);
    }
}
