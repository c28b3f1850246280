package io.incident.runtime.tracing;

import io.incident.runtime.access.Public;
import io.incident.runtime.outbox.Outbox;
import io.incident.testkit.TestEvents;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** Stands in for a service endpoint that changes state and raises an event through the outbox. */
@Path("/tracing-test/incidents")
public class TracedReportResource {

    private final Outbox outbox;
    private final TracedConsumer consumer;

    public TracedReportResource(Outbox outbox, TracedConsumer consumer) {
        this.outbox = outbox;
        this.consumer = consumer;
    }

    /** Answers with the trace id the log MDC held while the event was written. */
    @POST
    @Path("{incident}/report")
    @Public
    @Transactional
    public String report(@RestPath UUID incident) {
        consumer.follow(incident);
        outbox.publish(TestEvents.reported(incident, "Checkout fails for a traced request").data());
        Object traceId = MDC.get(Tracing.MDC_TRACE_ID);
        return traceId == null ? "" : traceId.toString();
    }
}
