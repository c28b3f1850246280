package io.incident.testkit;

import io.incident.events.EventCodec;
import io.incident.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Publishes events the way the outbox relay does (binary-mode CloudEvents, incident id as key) and reads what
 * services publish, so a test can drive a service through its real topics.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static KafkaTestClient shared;

    /**
     * One client per test JVM on the shared test infrastructure, closed when the JVM exits: test classes share it
     * as they share the broker, instead of each opening and closing a producer.
     */
    public static synchronized KafkaTestClient shared() {
        if (shared == null) {
            shared = new KafkaTestClient(TestInfrastructure.get().kafkaBootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-test-client-close"));
        }
        return shared;
    }

    /** Sends the envelope as the relay would; sending the same envelope twice is a redelivery. */
    public void publish(EventEnvelope envelope) {
        publish(envelope.topic(), envelope.key(), envelope.headers(), EventCodec.toJson(envelope.data()));
    }

    /** Sends raw headers and value, for records that break the contract on purpose. */
    public void publish(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} records match or {@code timeout} passes,
     * and returns the matches (possibly fewer than expected).
     */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                     int expected, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> matches = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matches.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        matches.add(r);
                    }
                }
            }
            return matches;
        }
    }

    /** Records about one incident: their key is the incident id. */
    public static Predicate<ConsumerRecord<String, String>> about(UUID incidentId) {
        return r -> incidentId.toString().equals(r.key());
    }

    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
