package io.incident.runtime.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.net.URI;
import java.util.Locale;

/** Whether a request says it comes from a page of the host it is sent to (OWASP's "verify origin" defence). */
final class OriginCheck {

    private OriginCheck() {
    }

    static boolean sameOrigin(ContainerRequestContext request) {
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.equals("null")) {
            origin = request.getHeaderString("Referer");
        }
        return origin != null && matches(origin, host);
    }

    /** {@code origin} is a URL; its host and port must be the Host header's, default ports filled in. */
    static boolean matches(String origin, String host) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String from = uri.getHost() + ":" + (uri.getPort() == -1 ? defaultPort : uri.getPort());
            String to = host.trim();
            if (!to.matches(".*:\\d+$") || to.endsWith("]")) {
                to = to + ":" + defaultPort;
            }
            return from.toLowerCase(Locale.ROOT).equals(to.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
