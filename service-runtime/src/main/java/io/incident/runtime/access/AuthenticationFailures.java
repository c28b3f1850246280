package io.incident.runtime.access;

import io.incident.runtime.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.Map;

/**
 * A request whose token fails verification is refused before it reaches a resource (authentication is proactive),
 * so the answer is written here, as the same problem JSON every other refusal gets; a browser whose session expired
 * is sent to sign in again.
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
        HttpServerRequest request = context.request();
        if (request.getCookie(SessionCookie.NAME) != null && SignInRedirect.wantsPage(request.method().name(),
                request.getHeader("Accept"), request.getHeader("Authorization"))) {
            // An expired or foreign session: the cookie goes, so the sign-in page itself can be shown, and the
            // browser is sent there and back to the page it wanted.
            context.response().setStatusCode(303)
                    .putHeader("Location", SignInRedirect.location(request.uri()))
                    .putHeader("Set-Cookie", SessionCookie.NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
                    .end();
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
