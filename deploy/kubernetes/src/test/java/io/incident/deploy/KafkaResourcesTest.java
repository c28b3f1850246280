package io.incident.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.incident.deploy.DeployFiles.K8sObject;
import io.incident.events.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Strimzi cluster and its topics against the event contract and the services' channels. */
class KafkaResourcesTest {

    private final List<K8sObject> objects = DeployFiles.kubernetesObjects();
    private final Kafka kafka = single(DeployFiles.objectsOf(objects, Kafka.class));
    private final List<KafkaNodePool> pools = DeployFiles.objectsOf(objects, KafkaNodePool.class);
    private final List<KafkaTopic> topics = DeployFiles.objectsOf(objects, KafkaTopic.class);

    private static <T> T single(List<T> list) {
        assertThat(list).as("exactly one Kafka cluster").hasSize(1);
        return list.get(0);
    }

    /** Brokers of the cluster: the replicas of its node pools that have the broker role. */
    private int brokers() {
        return pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    private int intConfig(Map<String, Object> config, String key) {
        Object value = config.get(key);
        assertThat(value).as(key).isNotNull();
        return Integer.parseInt(String.valueOf(value));
    }

    static Set<String> contractTopics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(DeployFilesAccess::value).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void kafkaRunsInKraftModeOnThreeNodePoolReplicas() {
        String cluster = kafka.getMetadata().getName();
        assertThat(pools).as("node pools").isNotEmpty();
        for (KafkaNodePool pool : pools) {
            assertThat(pool.getMetadata().getLabels()).as(pool.getMetadata().getName() + " cluster label")
                    .containsEntry("strimzi.io/cluster", cluster);
        }
        assertThat(pools.stream().flatMap(p -> p.getSpec().getRoles().stream()).collect(Collectors.toSet()))
                .as("KRaft: controllers and brokers in node pools").contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(controllers).as("controller quorum is odd and survives one loss").isOdd().isGreaterThanOrEqualTo(3);
        assertThat(brokers()).as("brokers").isEqualTo(3);
        assertThat(kafka.getSpec().getZookeeper()).as("no ZooKeeper").isNull();

        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        int replication = intConfig(config, "default.replication.factor");
        int minIsr = intConfig(config, "min.insync.replicas");
        assertThat(replication).as("default.replication.factor").isEqualTo(3).isLessThanOrEqualTo(brokers());
        assertThat(minIsr).as("min.insync.replicas").isEqualTo(2).isLessThan(replication);
        assertThat(intConfig(config, "offsets.topic.replication.factor")).isLessThanOrEqualTo(brokers());
        assertThat(intConfig(config, "transaction.state.log.min.isr"))
                .isLessThan(intConfig(config, "transaction.state.log.replication.factor"));
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("topic operator manages KafkaTopics").isNotNull();
    }

    @Test
    void topicsAreExactlyTheContractsTopicsPlusTheDeadLetterTopics() {
        Set<String> names = topics.stream().map(KafkaResourcesTest::topicName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> contract = contractTopics();
        assertThat(contract).as("io.incident.events.Topics").isNotEmpty();
        Set<String> deadLetter = new TreeSet<>();
        DeployFiles.incomingChannels().values().forEach(channels -> channels.keySet()
                .forEach(channel -> deadLetter.add("dead-letter-topic-" + channel)));

        assertThat(names.stream().filter(n -> !n.startsWith("dead-letter-topic-")).collect(Collectors.toSet()))
                .as("KafkaTopics for the contract's topics").containsExactlyInAnyOrderElementsOf(contract);
        assertThat(names.stream().filter(n -> n.startsWith("dead-letter-topic-")).collect(Collectors.toSet()))
                .as("a dead-letter topic for every incoming channel of the services")
                .containsExactlyInAnyOrderElementsOf(deadLetter);
        assertThat(topics).as("no topic declared twice").hasSize(names.size());
    }

    @Test
    void theServicesUseTheDeadLetterQueueAndReadOnlyContractTopics() {
        var runtime = DeployFiles.properties(DeployFiles.repositoryRoot()
                .resolve("service-runtime/src/main/resources/META-INF/microprofile-config.properties"));
        assertThat(runtime.getProperty("mp.messaging.connector.smallrye-kafka.failure-strategy"))
                .as("the dead-letter topics are used only with the dead-letter-queue failure strategy")
                .isEqualTo("dead-letter-queue");
        for (var service : DeployFiles.incomingChannels().entrySet()) {
            var properties = DeployFiles.applicationProperties(service.getKey());
            for (var channel : service.getValue().entrySet()) {
                assertThat(contractTopics()).as(service.getKey() + " channel " + channel.getKey()).contains(channel.getValue());
                assertThat(properties.getProperty("mp.messaging.incoming." + channel.getKey() + ".dead-letter-queue.topic"))
                        .as(service.getKey() + " " + channel.getKey() + " uses the default dead-letter topic name").isNull();
            }
        }
    }

    @Test
    void everyTopicFitsTheCluster() {
        String cluster = kafka.getMetadata().getName();
        int clusterMinIsr = intConfig(kafka.getSpec().getKafka().getConfig(), "min.insync.replicas");
        for (KafkaTopic topic : topics) {
            String name = topicName(topic);
            assertThat(topic.getMetadata().getLabels()).as(name + " cluster label").containsEntry("strimzi.io/cluster", cluster);
            int replicas = topic.getSpec().getReplicas();
            assertThat(replicas).as(name + " replicas <= brokers").isBetween(2, brokers());
            assertThat(topic.getSpec().getPartitions()).as(name + " partitions").isPositive();
            Map<String, Object> config = topic.getSpec().getConfig() == null ? Map.of() : topic.getSpec().getConfig();
            int minIsr = config.containsKey("min.insync.replicas") ? intConfig(config, "min.insync.replicas") : clusterMinIsr;
            assertThat(minIsr).as(name + " min.insync.replicas < replicas, so one broker can be down")
                    .isLessThan(replicas).isGreaterThanOrEqualTo(2);
        }
        assertThat(topics.stream().filter(t -> contractTopics().contains(topicName(t))))
                .as("contract topics have 12 partitions, 3 replicas")
                .allMatch(t -> t.getSpec().getPartitions() == 12 && t.getSpec().getReplicas() == 3);
    }

    @Test
    void theServicesBootstrapFromTheClustersPlainListener() {
        ConfigMap config = DeployFiles.objectsOf(objects, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("incident-platform-config")).findFirst().orElseThrow();
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow(() -> new AssertionError("no plain listener"));
        assertThat(config.getData().get("INCIDENT_KAFKA_BOOTSTRAP"))
                .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort());
    }

    static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }

    /** Reads a public static constant. */
    static final class DeployFilesAccess {
        static String value(Field field) {
            try {
                return (String) field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
