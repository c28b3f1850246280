package io.incident.runtime.access;

import io.incident.runtime.RuntimeConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpRequest;

/** Calls to another service of the platform carry this service's own token, with the {@code service} role. */
@ApplicationScoped
public class ServiceToken {

    private final RuntimeConfig config;

    public ServiceToken(RuntimeConfig config) {
        this.config = config;
    }

    public HttpRequest.Builder authorise(HttpRequest.Builder request) {
        config.access().serviceToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }
}
