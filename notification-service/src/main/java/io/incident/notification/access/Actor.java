package io.incident.notification.access;

import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * Who is making a change, as the caller declares it in {@code X-Actor: <personRef>} (or the dashboard form's
 * {@code actor} field). This is NOT authentication: anyone can send it. It is the one place that reads it, so a
 * verified principal (a JWT, say) can replace it without touching the resources.
 */
public record Actor(String ref) {

    public static final String HEADER = "X-Actor";

    /** Every state-changing call names the person making it. */
    public static Actor required(String declared) {
        if (declared == null || declared.isBlank()) {
            throw new ProblemException(Response.Status.UNAUTHORIZED, "Actor missing",
                    "Name the acting person in the " + HEADER + " header (their personRef).");
        }
        return new Actor(declared.trim());
    }
}
