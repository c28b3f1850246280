package io.incident.runtime.tracing;

import io.incident.events.IncidentReported;
import io.incident.runtime.messaging.EventReceiver;
import io.incident.runtime.outbox.Outbox;
import io.incident.testkit.TestEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for a downstream service: takes a report from incident.reports and raises a follow-up event through
 * the outbox (here on the same topic), so the test sees two Kafka hops. Other tests' events on the topic are ignored.
 */
@ApplicationScoped
public class TracedConsumer {

    /** What a handler saw: the event type and the trace id in the log MDC while it ran. */
    public record Handled(String type, String mdcTraceId) {
    }

    private final EventReceiver receiver;
    private final Outbox outbox;
    private final Set<UUID> followed = ConcurrentHashMap.newKeySet();
    private final Map<UUID, List<Handled>> handled = new ConcurrentHashMap<>();

    public TracedConsumer(EventReceiver receiver, Outbox outbox) {
        this.receiver = receiver;
        this.outbox = outbox;
    }

    public void follow(UUID incident) {
        followed.add(incident);
    }

    public List<Handled> handled(UUID incident) {
        return handled.getOrDefault(incident, List.of());
    }

    @Incoming("traced-reports")
    @Blocking
    public void onReport(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "traced-reports", "tracing-test", envelope -> {
            if (!followed.contains(envelope.subject())) {
                return;
            }
            Object traceId = MDC.get(Tracing.MDC_TRACE_ID);
            handled.computeIfAbsent(envelope.subject(), k -> new CopyOnWriteArrayList<>())
                    .add(new Handled(envelope.type(), traceId == null ? null : traceId.toString()));
            if (envelope.data() instanceof IncidentReported) {
                outbox.publish(TestEvents.attached(envelope.subject(), "Seen again downstream").data());
            }
        });
    }
}
