package io.incident.notification.stakeholder;

import io.incident.notification.routing.NotificationPlanner;
import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every topic whose events call for a notice; each record is planned in its own inbox transaction. */
@ApplicationScoped
public class IncidentEventsConsumer {

    private final EventReceiver receiver;
    private final NotificationPlanner planner;

    public IncidentEventsConsumer(EventReceiver receiver, NotificationPlanner planner) {
        this.receiver = receiver;
        this.planner = planner;
    }

    @Incoming("incident-reports")
    @Blocking
    public void onReport(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-reports", "incident-watch", planner::apply);
    }

    @Incoming("incident-lifecycle")
    @Blocking
    public void onLifecycle(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-lifecycle", "notification-planner", planner::apply);
    }

    @Incoming("incident-deadlines")
    @Blocking
    public void onDeadline(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-deadlines", "notification-planner", planner::apply);
    }

    @Incoming("incident-documents")
    @Blocking
    public void onDocument(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-documents", "notification-planner", planner::apply);
    }
}
