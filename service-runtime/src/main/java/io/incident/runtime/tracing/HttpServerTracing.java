package io.incident.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SERVER span per request to a REST resource, continuing the caller's {@code traceparent}, named by method and
 * route template ({@code POST /incidents/{id}/acknowledge}) so that spans of one endpoint group together whatever
 * the ids. Management endpoints under {@code /q/} are not traced: probes and scrapes would drown the traces.
 */
public class HttpServerTracing {

    private static final Logger LOG = Logger.getLogger(HttpServerTracing.class);
    private static final String SPAN = HttpServerTracing.class.getName() + ".span";
    private static final String ACTIVE = HttpServerTracing.class.getName() + ".active";
    private static final String OPENED_ON = HttpServerTracing.class.getName() + ".thread";

    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

    private static final TextMapGetter<ContainerRequestContext> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ContainerRequestContext request) {
            return request.getHeaders().keySet();
        }

        @Override
        public String get(ContainerRequestContext request, String key) {
            return request == null ? null : request.getHeaderString(key);
        }
    };

    private final Tracing tracing;

    public HttpServerTracing(Tracing tracing) {
        this.tracing = tracing;
    }

    /**
     * Runs last among the request filters: after authentication, which may move the request to another thread, and
     * so on the thread that runs the resource method, where the outbox looks for the current span.
     */
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    public void start(ContainerRequestContext request, ResourceInfo resource) {
        if (!tracing.enabled()) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (path.startsWith("/q/")) {
            return;
        }
        String method = request.getMethod();
        String route = resource.getResourceMethod() == null ? null
                : ROUTES.computeIfAbsent(resource.getResourceMethod(), m -> route(resource.getResourceClass(), m));
        Context parent = tracing.extract(request, HEADERS);
        Span span = tracing.tracer().spanBuilder(route == null ? method : method + " " + route)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute("http.request.method", method)
                .setAttribute("url.path", path)
                .startSpan();
        if (route != null) {
            span.setAttribute("http.route", route);
        }
        request.setProperty(SPAN, span);
        request.setProperty(ACTIVE, tracing.activate(span));
        request.setProperty(OPENED_ON, Thread.currentThread());
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(SPAN) instanceof Span span)) {
            return;
        }
        request.removeProperty(SPAN);
        int status = response.getStatus();
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        if (request.getProperty(ACTIVE) instanceof Tracing.ActiveSpan active) {
            request.removeProperty(ACTIVE);
            // A scope belongs to the thread that opened it; closing it elsewhere would corrupt that thread's context.
            if (request.getProperty(OPENED_ON) == Thread.currentThread()) {
                active.close();
            } else {
                LOG.debugf("Request %s %s ended on another thread than it started; its trace scope stays open",
                        request.getMethod(), request.getUriInfo().getPath());
            }
        }
    }

    /** The route template: the class's and the method's {@code @Path}, with any regular expressions left out. */
    static String route(Class<?> resourceClass, Method method) {
        StringBuilder route = new StringBuilder();
        for (Path p : new Path[] {resourceClass.getAnnotation(Path.class), method.getAnnotation(Path.class)}) {
            if (p != null) {
                route.append('/').append(p.value());
            }
        }
        String template = route.toString()
                .replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}")
                .replaceAll("/{2,}", "/");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        return template.isEmpty() ? "/" : template;
    }
}
