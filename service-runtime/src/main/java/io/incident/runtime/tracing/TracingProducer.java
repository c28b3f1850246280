package io.incident.runtime.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Builds the service's {@link Tracing} from {@code incident.tracing.*} and shuts it down, flushing, on stop. */
@ApplicationScoped
class TracingProducer {

    private static final Logger LOG = Logger.getLogger(Tracing.class);

    /**
     * @param extraExporters any {@link SpanExporter} beans the application declares besides the configured one: a
     *                       test's in-memory exporter, say
     */
    @Produces
    @Singleton
    Tracing tracing(TracingConfig config, @ConfigProperty(name = "quarkus.application.name") String serviceName,
                    @Any Instance<SpanExporter> extraExporters) {
        if (!config.enabled()) {
            LOG.info("Tracing is off (incident.tracing.enabled=false): no spans, no trace context on events");
            return Tracing.disabled();
        }
        List<SpanExporter> exporters = new ArrayList<>();
        if (config.otlpEndpoint().isPresent()) {
            String url = tracesUrl(config.otlpEndpoint().get());
            exporters.add(OtlpHttpSpanExporter.builder().setEndpoint(url).build());
            LOG.infof("Exporting spans of %s over OTLP to %s", serviceName, url);
        } else {
            exporters.add(new DebugLogSpanExporter());
        }
        extraExporters.forEach(exporters::add);
        return Tracing.create(serviceName, exporters);
    }

    void close(@Disposes Tracing tracing) {
        tracing.close();
    }

    /** Like {@code OTEL_EXPORTER_OTLP_ENDPOINT}: the configured URL is the collector's base; traces have their path. */
    static String tracesUrl(URI endpoint) {
        String base = endpoint.toString().replaceFirst("/+$", "");
        return base.endsWith("/v1/traces") ? base : base + "/v1/traces";
    }
}
