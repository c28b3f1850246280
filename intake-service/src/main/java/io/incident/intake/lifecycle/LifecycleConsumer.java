package io.incident.intake.lifecycle;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** incident.lifecycle, for the ends of incidents. Thin: {@link EventReceiver} decodes, deduplicates and retries. */
@ApplicationScoped
public class LifecycleConsumer {

    private final EventReceiver receiver;
    private final IncidentEndings endings;

    public LifecycleConsumer(EventReceiver receiver, IncidentEndings endings) {
        this.receiver = receiver;
        this.endings = endings;
    }

    @Incoming("incident-lifecycle")
    @Blocking
    public void onLifecycle(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-lifecycle", IncidentEndings.CONSUMER, endings::apply);
    }
}
