package io.incident.docs.document;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The timeline holds every event of every topic (R-DOC-1). One handler name for all topics: an event id is unique
 * across topics, so the inbox skips redeliveries whichever topic they come from.
 */
@ApplicationScoped
public class EventsConsumer {

    private static final String HANDLER = "document";

    private final EventReceiver receiver;
    private final DocumentService documents;

    public EventsConsumer(EventReceiver receiver, DocumentService documents) {
        this.receiver = receiver;
        this.documents = documents;
    }

    @Incoming("incident-reports")
    @Blocking
    public void onReport(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-reports", HANDLER, documents::apply);
    }

    @Incoming("incident-lifecycle")
    @Blocking
    public void onLifecycle(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-lifecycle", HANDLER, documents::apply);
    }

    @Incoming("incident-deadlines")
    @Blocking
    public void onDeadline(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-deadlines", HANDLER, documents::apply);
    }

    @Incoming("incident-notifications")
    @Blocking
    public void onNotification(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-notifications", HANDLER, documents::apply);
    }
}
