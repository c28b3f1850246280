package io.incident.notification.stakeholder;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ReportsConsumer {

    private final EventReceiver receiver;
    private final IncidentWatch watch;

    public ReportsConsumer(EventReceiver receiver, IncidentWatch watch) {
        this.receiver = receiver;
        this.watch = watch;
    }

    @Incoming("incident-reports")
    @Blocking
    public void onReport(ConsumerRecord<String, String> record) {
        receiver.receive(record, "incident-watch", watch::apply);
    }
}
