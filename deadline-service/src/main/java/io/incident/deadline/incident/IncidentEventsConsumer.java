package io.incident.deadline.incident;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics whose events start and stop clocks. Thin on purpose: {@link EventReceiver} decodes, deduplicates and
 * runs the handler in a transaction of its own, retrying failures that pass.
 */
@ApplicationScoped
public class IncidentEventsConsumer {

    private final EventReceiver receiver;
    private final ProcessClocks clocks;

    public IncidentEventsConsumer(EventReceiver receiver, ProcessClocks clocks) {
        this.receiver = receiver;
        this.clocks = clocks;
    }

    @Incoming("incident-reports")
    @Blocking
    public void onReport(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-reports", ProcessClocks.CONSUMER, clocks::apply);
    }

    @Incoming("incident-lifecycle")
    @Blocking
    public void onLifecycle(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-lifecycle", ProcessClocks.CONSUMER, clocks::apply);
    }

    @Incoming("incident-documents")
    @Blocking
    public void onDocument(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-documents", ProcessClocks.CONSUMER, clocks::apply);
    }

    /** Its own topic: a reminder that came due starts its next round (R-CMD-5, R-SEC-3). */
    @Incoming("incident-deadlines")
    @Blocking
    public void onDeadline(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-deadlines", ProcessClocks.CONSUMER, clocks::apply);
    }
}
