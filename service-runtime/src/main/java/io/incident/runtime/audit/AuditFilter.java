package io.incident.runtime.audit;

import io.incident.runtime.access.Caller;
import io.incident.runtime.access.Callers;
import io.incident.runtime.access.Endpoints;
import io.incident.runtime.access.Public;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Records who did what: every request that may change something, and reads marked {@link Audited}, with the
 * caller, the path and the answer, refusals included. The entry is written before the answer leaves. Anonymous
 * calls to public endpoints (reports, alerts, questions) are not entries: what they bring is stored anyway, and
 * an insert per alert would cost intake's busiest path.
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    private final AuditLog log;
    private final Callers callers;
    private final Clock clock;

    public AuditFilter(AuditLog log, Callers callers, Clock clock) {
        this.log = log;
        this.callers = callers;
        this.clock = clock;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response,
                            ResourceInfo resource) {
        String path = request.getUriInfo().getRequestUri().getPath();
        if (path.startsWith("/q/") || path.startsWith("/admin/clock")
                || (Endpoints.isSafe(request.getMethod()) && !Endpoints.marked(resource, Audited.class))) {
            return Uni.createFrom().voidItem();
        }
        Optional<Caller> caller = callers.current();
        if (caller.isEmpty() && Endpoints.marked(resource, Public.class)) {
            // An anonymous report, alert or question is kept as what it is; the log is of people and services.
            return Uni.createFrom().voidItem();
        }
        String actor = caller.map(Caller::ref).orElse("anonymous");
        String roles = caller.map(c -> String.join(",", new TreeSet<>(c.roles()))).orElse("");
        String method = request.getMethod();
        int status = response.getStatus();
        // JDBC blocks: off the event loop, and the answer waits for it, so no recorded action goes unlogged.
        return Uni.createFrom().<Void>item(() -> {
            try {
                log.record(clock.instant(), actor, roles, method, path, status);
            } catch (Exception e) {
                LOG.errorf("Audit entry lost for %s %s %s (%d): %s", actor, method, path, status, e);
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
