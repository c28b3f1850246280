package io.incident.runtime.messaging;

import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import io.incident.runtime.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every Kafka consumer method does before its domain work: read the CloudEvents envelope, skip event types
 * this build does not know, skip redeliveries through the inbox, and hand the event to the domain, all in the
 * transaction of the consumer method.
 */
@ApplicationScoped
public class EventReceiver {

    private static final Logger LOG = Logger.getLogger(EventReceiver.class);

    private final Inbox inbox;

    public EventReceiver(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * @param consumer a stable name for this handler; the inbox remembers what each handler has applied
     * @return true if the handler ran, false for a redelivery or an unknown event type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(ConsumerRecord<String, String> record, String consumer, Consumer<EventEnvelope> handler) {
        Optional<EventEnvelope> envelope = EventCodec.decode(headers(record), record.value());
        if (envelope.isEmpty()) {
            LOG.debugf("Skipping unknown event type on %s at offset %d", record.topic(), record.offset());
            return false;
        }
        if (!inbox.firstDelivery(envelope.get(), consumer)) {
            LOG.debugf("Skipping redelivered event %s", envelope.get().id());
            return false;
        }
        handler.accept(envelope.get());
        return true;
    }

    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
