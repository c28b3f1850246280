package io.incident.local;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A real single-node Kafka broker (KRaft, broker and controller combined) inside this JVM. */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaClusterTestKit cluster, String bootstrapServers) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param port      the PLAINTEXT listener port; 0 picks a free one
     * @param directory where the logs live; kept between starts so topics and committed offsets survive
     */
    public static EmbeddedKafka start(int port, Path directory, int partitions) throws Exception {
        Files.createDirectories(directory);
        boolean formatted = alreadyFormatted(directory);
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(directory)
                .setClusterId(clusterId(directory))
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        if (port > 0) {
            // The test kit binds its own listener to a free port before the broker starts; a fixed port for
            // clients is a second listener beside it.
            builder.setConfigProp("listeners", "EXTERNAL://localhost:0,CLIENTS://localhost:" + port
                            + ",CONTROLLER://localhost:0")
                    .setConfigProp("listener.security.protocol.map",
                            "EXTERNAL:PLAINTEXT,CLIENTS:PLAINTEXT,CONTROLLER:PLAINTEXT");
        }
        KafkaClusterTestKit cluster = builder
                .setDeleteOnClose(false)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // The broker's default floor for a consumer's session timeout is 6 s. Down to 1 s is allowed here, so
                // faster failover (a killed instance's partitions moving within a second or two) can be configured
                // and measured, e.g. with TwoInstancesKillTest's -De2e.service-properties.
                .setConfigProp("group.min.session.timeout.ms", "1000")
                .setConfigProp("num.partitions", String.valueOf(partitions))
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("log.flush.interval.messages", "1")
                .build();
        if (!formatted) {
            cluster.format();
        }
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new EmbeddedKafka(cluster, port > 0 ? "localhost:" + port : cluster.bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static boolean alreadyFormatted(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("meta.properties"));
        }
    }

    /** A broker refuses log directories formatted for another cluster, so the id is kept beside the data. */
    private static String clusterId(Path directory) {
        Path file = directory.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
