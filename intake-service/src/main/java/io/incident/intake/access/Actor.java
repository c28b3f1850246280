package io.incident.intake.access;

import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;

/**
 * Who changes intake's configuration, as the caller declares it in {@code X-Actor: <personRef>}. This is not
 * authentication: anyone can write the header. It is the one place a JWT principal replaces once the platform has
 * shared authentication. Reports themselves need no actor (R-REP-1): {@code /reports}, {@code /mail}, the webhooks
 * and {@code /v2/enqueue} are open to anyone with an address or an integration key. Answering a question
 * ({@link #required(HttpHeaders)}) names the responder, who goes on the answer's event.
 */
public class Actor {

    public static final String HEADER = "X-Actor";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The person acting on a request that records who they are, or 401 problem JSON when none is named. */
    public static String required(HttpHeaders headers) {
        String actor = headers.getHeaderString(HEADER);
        if (actor == null || actor.isBlank()) {
            throw new ProblemException(401, "Actor required", "Name who answers in the " + HEADER
                    + " header (a personRef): the answer records its responder.", Map.of());
        }
        return actor.strip();
    }
}
