package io.incident.runtime.messaging;

import io.incident.runtime.RuntimeConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts one record that could not be applied on {@code dead-letter-topic-<channel>}, with the headers SmallRye's
 * dead-letter-queue failure strategy writes, so a person finds batch and single-record failures in the same place
 * and the same shape. Batched consumers need it: nacking a batch would dead-letter every record in it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String serviceName;
    private volatile Producer<String, String> producer;

    public DeadLetters(RuntimeConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = config.serviceName();
    }

    /**
     * Returns once the broker has the dead letter. Waits through broker outages rather than dropping it: the
     * partition's offset moves past the record only after this returns.
     */
    public void send(String channel, ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>("dead-letter-topic-" + channel, record.key(),
                record.value());
        for (Header h : record.headers()) {
            letter.headers().add(h);
        }
        header(letter, "dead-letter-reason", String.valueOf(reason.getMessage()));
        if (reason.getCause() != null) {
            header(letter, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
            header(letter, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
        }
        header(letter, "dead-letter-exception-class-name", reason.getClass().getName());
        header(letter, "dead-letter-topic", record.topic());
        header(letter, "dead-letter-partition", Integer.toString(record.partition()));
        header(letter, "dead-letter-offset", Long.toString(record.offset()));
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                producer().send(letter).get(30, TimeUnit.SECONDS);
                LOG.errorf("Put %s-%d@%d on %s: %s", record.topic(), record.partition(), record.offset(),
                        letter.topic(), reason.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while dead-lettering; the record will be redelivered", e);
            } catch (Exception e) {
                LOG.warnf("Could not dead-letter %s-%d@%d (retrying in %d ms): %s", record.topic(),
                        record.partition(), record.offset(), backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while dead-lettering", ie);
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void header(ProducerRecord<String, String> letter, String name, String value) {
        letter.headers().remove(name);
        letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                p = producer;
                if (p == null) {
                    producer = p = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-dead-letters",
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
                }
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent ignored) {
        Producer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
