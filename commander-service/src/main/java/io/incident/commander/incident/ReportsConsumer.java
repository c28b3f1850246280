package io.incident.commander.incident;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    public void onReport(ConsumerRecord<String, String> record) {
        receiver.receive(record, "incident-registry", registry::apply);
    }

    @Incoming("incident-deadlines")
    @Blocking
    public void onDeadline(ConsumerRecord<String, String> record) {
        receiver.receive(record, "incident-deadlines", registry::apply);
    }
}
