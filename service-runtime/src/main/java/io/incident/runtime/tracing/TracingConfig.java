package io.incident.runtime.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** Settings for traces, under {@code incident.tracing.*}. The service name is {@code quarkus.application.name}. */
@ConfigMapping(prefix = "incident.tracing")
public interface TracingConfig {

    /**
     * Off: no spans, and no trace context is stored with outbox rows or sent on events. The events themselves
     * flow exactly as before.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The collector's OTLP HTTP base URL, such as {@code http://otel-collector:4318}; spans go to
     * {@code <endpoint>/v1/traces}. None: spans are still created and their context still travels on HTTP and
     * Kafka, so logs keep their trace ids, but they leave the process only as debug log lines.
     */
    Optional<URI> otlpEndpoint();
}
