package io.incident.runtime.access;

import jakarta.ws.rs.container.ResourceInfo;

import java.lang.annotation.Annotation;
import java.util.Set;

/** What the access and audit filters ask of a request's endpoint. */
public final class Endpoints {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private Endpoints() {
    }

    /** A method that only reads. */
    public static boolean isSafe(String method) {
        return SAFE.contains(method);
    }

    /** Whether the matched resource method, or its class, carries {@code marker}; false when nothing matched. */
    public static boolean marked(ResourceInfo resource, Class<? extends Annotation> marker) {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(marker)
                || resource.getResourceClass().isAnnotationPresent(marker));
    }
}
