package io.incident.runtime.problem;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

/** Thrown by resources and domain services for an error the caller can act on; becomes problem JSON. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(Response.Status status, String title, String detail) {
        this(status.getStatusCode(), title, detail, Map.of());
    }

    public ProblemException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = extensions;
    }

    public Problem toProblem(String instance) {
        return new Problem(URI.create("about:blank"), title, status, getMessage(), instance, extensions);
    }

    public int status() {
        return status;
    }
}
