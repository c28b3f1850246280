package io.incident.intake.webhook;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Alertmanager and Grafana send an integration key as {@code Authorization: Bearer <key>}. That key is not a person's
 * token, so before authentication runs it is moved to {@value #NAME}, where only the webhook resource reads it;
 * otherwise the token verifier would refuse every such alert.
 */
@ApplicationScoped
public class IntegrationKeyHeader {

    public static final String NAME = "X-Integration-Key";

    void install(@Observes Filters filters) {
        filters.register(context -> {
            String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && context.request().path().startsWith("/webhooks/")) {
                context.request().headers().remove(HttpHeaders.AUTHORIZATION).set(NAME, authorization);
            }
            context.next();
        }, Integer.MAX_VALUE);
    }
}
