package io.incident.intake.access;

import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;

/**
 * Who changes intake's configuration, as the caller declares it in {@code X-Actor: <personRef>}. This is not
 * authentication: anyone can write the header. It is the one place a JWT principal replaces once the platform has
 * shared authentication. Reports themselves need no actor (R-REP-1): {@code /reports}, {@code /mail}, the webhooks
 * and {@code /v2/enqueue} are open to anyone with an address or an integration key.
 */
public class Actor {

    public static final String HEADER = "X-Actor";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter
    public void require(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!CHANGES.contains(request.getMethod()) || !path.startsWith("/integrations")) {
            return;
        }
        String actor = request.getHeaderString(HEADER);
        if (actor == null || actor.isBlank()) {
            throw new ProblemException(401, "Actor required", "Name who makes this change in the " + HEADER
                    + " header (a personRef). Until shared authentication lands, integrations are managed by "
                    + "named people only.", Map.of());
        }
    }
}
