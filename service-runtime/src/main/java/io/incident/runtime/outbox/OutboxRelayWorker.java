package io.incident.runtime.outbox;

import io.incident.events.EventCatalog;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.inbox.InboxStore;
import io.incident.runtime.tracing.Tracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs the relay on one thread for the life of the service. */
@ApplicationScoped
public class OutboxRelayWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private static final int PURGE_BATCH = 10_000;

    private final DataSource dataSource;
    private final OutboxStore store;
    private final InboxStore inbox;
    private final Duration inboxRetention;
    private final OutboxSignal signal;
    private final Clock clock;
    private final RuntimeConfig.Outbox config;
    private final String bootstrapServers;
    private final String serviceName;
    /** Per event type, so that dashboards can count reports taken in, pages sent, breaches... from one meter. */
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Tracing tracing;

    private volatile boolean running;
    private Thread thread;
    private Producer<String, String> producer;

    public OutboxRelayWorker(DataSource dataSource, OutboxStore store, InboxStore inbox, OutboxSignal signal,
                             Clock clock, RuntimeConfig config, MeterRegistry registry, Tracing tracing,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.store = store;
        this.inbox = inbox;
        this.inboxRetention = config.inbox().retention();
        this.signal = signal;
        this.clock = clock;
        this.config = config.outbox();
        this.serviceName = config.serviceName();
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.tracing = tracing;
        // Registered up front so every type shows (at zero) before its first event.
        EventCatalog.all().forEach(t -> published(t.type()));
    }

    private Counter published(String type) {
        return published.computeIfAbsent(type, t -> Counter.builder("incident.outbox.published").tag("type", t)
                .description("Events the outbox relay published to Kafka, by CloudEvents type").register(registry));
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            LOG.warn("Outbox relay is disabled: events are stored but not published");
            return;
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis(), 10_000),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        OutboxRelay relay = new OutboxRelay(dataSource, store, producer, clock, config.batchSize(),
                config.sendTimeout(), tracing, batch -> batch.forEach(m -> published(m.type()).increment()));
        running = true;
        thread = new Thread(() -> loop(relay), "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(OutboxRelay relay) {
        try {
            relayUntilStopped(relay);
        } finally {
            relay.close();
        }
    }

    private void relayUntilStopped(OutboxRelay relay) {
        Duration backoff = Duration.ofMillis(100);
        // Housekeeping runs on real time, so a test that moves the injected clock does not set off a purge; the
        // retention cut-off itself reads the injected clock.
        Instant nextPurge = Instant.now();
        while (running) {
            try {
                int sent = relay.relayOnce();
                signal.leading(relay.leads());
                backoff = Duration.ofMillis(100);
                if (Instant.now().isAfter(nextPurge)) {
                    purge();
                    nextPurge = Instant.now().plus(PURGE_EVERY);
                }
                if (sent < config.batchSize()) {
                    relay.awaitWork(signal, config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                signal.leading(false);
                if (!running) {
                    return;
                }
                LOG.warnf("Outbox relay could not publish (retrying in %d ms): %s", backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Housekeeping, hourly: published outbox rows after {@code incident.outbox.retention}, and the inbox's record of
     * applied events after {@code incident.inbox.retention} (longer than any topic keeps an event, so a redelivery is
     * still recognised). Every instance may run it; deleting what another already deleted costs nothing.
     */
    private void purge() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Instant now = clock.instant();
            purged("outbox_event", store.purgePublishedBefore(c, now.minus(config.retention())));
            int removed;
            do {
                removed = inbox.purgeProcessedBefore(c, now.minus(inboxRetention), PURGE_BATCH);
                purged("inbox_event", removed);
            } while (removed == PURGE_BATCH && running);
        }
    }

    private void purged(String table, int rows) {
        if (rows > 0) {
            Counter.builder("incident.housekeeping.purged").tag("table", table)
                    .description("Rows removed by retention purges").register(registry).increment(rows);
            LOG.debugf("Purged %d rows of %s", rows, table);
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
