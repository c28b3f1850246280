package io.incident.runtime.access;

import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Map;

/**
 * Admits a request to a resource only with an authenticated caller, unless the endpoint is {@link Public} (or it
 * is a read and anonymous reads are allowed). A browser asking for a page without a session is sent to sign in
 * ({@link SignInRedirect}); everything else gets 401 problem JSON. Requests that authenticate by the browser's session cookie and change
 * something must come from a page of this same service: the cookie travels with cross-site and cross-port requests
 * alike, so the Origin (or Referer) header is what tells a form of ours from a forged one.
 */
public class AccessFilter {

    private final CurrentIdentityAssociation identities;
    private final RuntimeConfig config;

    public AccessFilter(CurrentIdentityAssociation identities, RuntimeConfig config) {
        this.identities = identities;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> admit(ContainerRequestContext request, ResourceInfo resource) {
        if (Endpoints.marked(resource, Public.class)) {
            return Uni.createFrom().nullItem();
        }
        boolean safe = Endpoints.isSafe(request.getMethod());
        if (!safe && SessionCookie.carries(request) && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && !OriginCheck.sameOrigin(request)) {
            return Uni.createFrom().item(refuse(request, 403, "Cross-site request refused",
                    "A change made with the session cookie must come from this service's own pages."));
        }
        return identities.getDeferredIdentity()
                .map(identity -> {
                    if (!identity.isAnonymous() || (safe && config.access().anonymousRead())) {
                        return (Response) null;
                    }
                    if (SignInRedirect.wantsPage(request.getMethod(), request.getHeaderString(HttpHeaders.ACCEPT),
                            request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
                        URI wanted = request.getUriInfo().getRequestUri();
                        String pathAndQuery = wanted.getRawPath()
                                + (wanted.getRawQuery() == null ? "" : "?" + wanted.getRawQuery());
                        return Response.seeOther(URI.create(SignInRedirect.location(pathAndQuery))).build();
                    }
                    return refuse(request, 401, "Not authenticated",
                            "Send a bearer token (Authorization: Bearer ...) or sign in at /session.");
                })
                .onFailure(AuthenticationFailedException.class).recoverWithItem(e -> refuse(request, 401,
                        "Token refused", "The token is invalid, expired or not issued for this platform."));
    }

    private static Response refuse(ContainerRequestContext request, int status, String title, String detail) {
        Problem problem = new Problem(URI.create("about:blank"), title, status, detail,
                request.getUriInfo().getRequestUri().getPath(), Map.of());
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"incident-platform\"");
        }
        return answer.build();
    }
}
