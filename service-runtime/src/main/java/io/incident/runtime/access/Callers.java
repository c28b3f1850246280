package io.incident.runtime.access;

import io.incident.runtime.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * The one place a service learns who is calling. The identity comes from a verified bearer token (or the same token
 * in the browser's session cookie); resources and domain classes see only a {@link Caller}.
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller, if the request carries a valid token. */
    public Optional<Caller> current() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(identity.getPrincipal().getName(), identity.getRoles()));
    }

    /** The caller, or 401 when the request is not authenticated. */
    public Caller require() {
        return current().orElseThrow(() -> new ProblemException(Response.Status.UNAUTHORIZED, "Not authenticated",
                "Send a bearer token (Authorization: Bearer ...) or sign in at /session."));
    }

    /** The caller if they hold one of these roles; 401 without a token, 403 without the role. */
    public Caller requireAny(String... roles) {
        Caller caller = require();
        if (!caller.hasAny(roles)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "Not allowed",
                    caller.ref() + " needs one of the roles " + String.join(", ", roles) + " for this.");
        }
        return caller;
    }
}
