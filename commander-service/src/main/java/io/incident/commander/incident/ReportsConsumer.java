package io.incident.commander.incident;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The topics that drive incidents: reports (intake) and clocks (deadline). Thin: the registry does the work. */
@ApplicationScoped
public class ReportsConsumer {

    private final EventReceiver receiver;
    private final IncidentRegistry registry;

    public ReportsConsumer(EventReceiver receiver, IncidentRegistry registry) {
        this.receiver = receiver;
        this.registry = registry;
    }

    @Incoming("incident-reports")
    @Blocking
    public void onReport(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-reports", "incident-registry", registry::apply);
    }

    @Incoming("incident-deadlines")
    @Blocking
    public void onDeadline(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-deadlines", "incident-deadlines", registry::apply);
    }
}
