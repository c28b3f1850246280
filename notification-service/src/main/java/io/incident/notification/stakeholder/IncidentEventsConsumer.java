package io.incident.notification.stakeholder;

import io.incident.notification.routing.NotificationPlanner;
import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.incident.events.CloudEventHeaders;
import io.incident.events.CommanderPaged;
import io.incident.events.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Every topic whose events call for a notice; each polled batch is planned in one inbox transaction. */
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

    /**
     * The paging lane. A page waits for no other event: during a storm the lifecycle channel above has thousands of
     * events to plan, and a page for another team would wait behind all of them. This second reader of the topic
     * plans pages only, and the lifecycle channel plans them again in order; both give the delivery the same notice
     * key, so whichever comes first sends it and the other adds nothing.
     */
    @Incoming("incident-pages")
    @Blocking
    public void onPage(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(pagesOnly(records), "incident-pages", "paging-lane", planner::apply);
    }

    private static final String PAGE_TYPE = EventCatalog.of(CommanderPaged.class).type();

    /** Chosen by the CloudEvents type header, before anything is decoded. */
    private static List<ConsumerRecord<String, String>> pagesOnly(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> pages = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            Header type = r.headers().lastHeader(CloudEventHeaders.TYPE);
            if (type != null && PAGE_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                pages.add(r);
            }
        }
        return pages;
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
