package io.incident.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.incident.runtime.messaging.TransientFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error leaves the service as RFC 7807 problem JSON. Unexpected failures are logged with a reference that
 * the response repeats, so an operator can find the stack trace that the client never sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON: " + e.getOriginalMessage();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                    ? "Field '" + field + "' has the wrong type or format."
                    : "Field '" + field + "' is invalid: " + e.getOriginalMessage();
        }
        return respond(new Problem(URI.create("about:blank"), "Malformed request body", 400, detail, path(uri), Map.of()));
    }

    /** More specific than the mapper the JSON extension brings, so a wrong type in a field still gets a clear answer. */
    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    /** From {@code @RolesAllowed} and a failed lazy authentication: the same answers the access filter gives. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Not authenticated", 401,
                "Send a bearer token (Authorization: Bearer ...) or sign in at /session.", path(uri), Map.of()));
    }

    @ServerExceptionMapper
    public Response tokenRefused(AuthenticationFailedException e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Token refused", 401,
                "The token is invalid, expired or not issued for this platform.", path(uri), Map.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Not allowed", 403,
                "Your roles do not allow this.", path(uri), Map.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "Nothing is found at " + path(uri) + ".";
            case 405 -> "This resource does not accept that HTTP method.";
            case 406 -> "This resource cannot answer in the media type the Accept header asks for.";
            case 415 -> "This resource does not accept that Content-Type; send application/json.";
            default -> e.getMessage();
        };
        return respond(new Problem(URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(), detail,
                path(uri), Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (reference %s)", path(uri), reference);
        return respond(new Problem(URI.create("about:blank"), "Internal error", 500,
                "The service failed to handle the request. Report reference " + reference + " to its operators.",
                path(uri), Map.of("reference", reference)));
    }

    /**
     * The database is restarting, a pool is exhausted, a write lost a race: nothing was accepted, and the same
     * request will very likely succeed in a moment. 503 with Retry-After says exactly that, where a 500 would say
     * the request itself is at fault.
     */
    private static Response unavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Refused %s while a dependency is unavailable: %s", path(uri), e.toString());
        Problem problem = new Problem(URI.create("about:blank"), "Service temporarily unavailable", 503,
                "Nothing was accepted: a dependency of the service is briefly unavailable. Retry in a few seconds.",
                path(uri), Map.of());
        return Response.status(503).header("Retry-After", "2").type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
