package io.incident.runtime.access;

import io.incident.runtime.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.Map;

/**
 * A request whose token fails verification is refused before it reaches a resource (authentication is proactive),
 * so the answer is written here, as the same problem JSON every other refusal gets.
 */
@ApplicationScoped
public class AuthenticationFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
            context.next();
            return;
        }
        Problem problem = new Problem(URI.create("about:blank"), "Token refused", 401,
                "The token is invalid, expired or not issued for this platform.", context.request().path(),
                Map.of());
        context.response().setStatusCode(401)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"incident-platform\", error=\"invalid_token\"")
                .end(Json.encode(problem));
    }
}
