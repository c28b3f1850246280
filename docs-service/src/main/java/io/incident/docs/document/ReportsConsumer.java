package io.incident.docs.document;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ReportsConsumer {

    private final EventReceiver receiver;
    private final DocumentService documents;

    public ReportsConsumer(EventReceiver receiver, DocumentService documents) {
        this.receiver = receiver;
        this.documents = documents;
    }

    @Incoming("incident-reports")
    @Blocking
    public void onReport(ConsumerRecord<String, String> record) {
        receiver.receive(record, "document", documents::apply);
    }
}
