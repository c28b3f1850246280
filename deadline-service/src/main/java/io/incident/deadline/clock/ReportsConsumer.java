package io.incident.deadline.clock;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ReportsConsumer {

    private final EventReceiver receiver;
    private final DeadlineScheduler scheduler;

    public ReportsConsumer(EventReceiver receiver, DeadlineScheduler scheduler) {
        this.receiver = receiver;
        this.scheduler = scheduler;
    }

    @Incoming("incident-reports")
    @Blocking
    public void onReport(ConsumerRecord<String, String> record) {
        receiver.receive(record, "deadline-scheduler", scheduler::apply);
    }
}
