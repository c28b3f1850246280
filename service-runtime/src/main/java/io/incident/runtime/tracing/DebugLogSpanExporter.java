package io.incident.runtime.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Where spans go when no collector is configured: one debug line each, so a developer can follow a trace in the
 * log by switching on {@code quarkus.log.category."io.incident.runtime.tracing.spans".level=DEBUG}.
 */
final class DebugLogSpanExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger("io.incident.runtime.tracing.spans");

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (LOG.isDebugEnabled()) {
            for (SpanData span : spans) {
                LOG.debugf("%s span '%s' trace=%s span=%s parent=%s %d us %s", span.getKind(), span.getName(),
                        span.getTraceId(), span.getSpanId(), span.getParentSpanId(),
                        TimeUnit.NANOSECONDS.toMicros(span.getEndEpochNanos() - span.getStartEpochNanos()),
                        span.getAttributes());
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
