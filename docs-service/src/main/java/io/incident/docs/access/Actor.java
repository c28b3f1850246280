package io.incident.docs.access;

import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the caller declares it: {@code X-Actor: <personRef>} and optionally {@code X-Actor-Roles:
 * security,...}. This is NOT authentication: anyone can send these headers. It is the one place that reads them, so
 * a verified principal (a JWT, say) can replace it without touching the resources.
 */
public record Actor(String ref, Set<String> roles) {

    public static final String HEADER = "X-Actor";
    public static final String ROLES_HEADER = "X-Actor-Roles";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller if it named itself; reading needs no name, though restricted documents do. */
    public static Optional<Actor> of(HttpHeaders headers) {
        String ref = headers.getHeaderString(HEADER);
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String roles = headers.getHeaderString(ROLES_HEADER);
        Set<String> set = roles == null ? Set.of() : Arrays.stream(roles.split(","))
                .map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        return Optional.of(new Actor(ref.trim(), set));
    }

    /** Every state-changing call names the person making it. */
    public static Actor required(HttpHeaders headers) {
        return of(headers).orElseThrow(() -> new ProblemException(Response.Status.UNAUTHORIZED, "Actor missing",
                "Name the acting person in the " + HEADER + " header (their personRef)."));
    }
}
