package io.incident.e2e;

import io.incident.local.Service;
import io.incident.local.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;

/**
 * How an end-to-end class starts its stack: free ports, a throw-away folder, and every consumer the services declare
 * holding its partitions. A service answers {@code /q/health/ready} before its consumers have joined their groups;
 * a report sent in that window waits on the broker, and once the groups form, the consumers that pick it up and the
 * page it leads to race (notification's page lane can plan the page before its reports consumer has read the
 * report). A scenario starts from a platform that is up, not one still forming its groups.
 */
final class Stacks {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration CONSUMERS_READY = Duration.ofSeconds(120);
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id)");

    private Stacks() {
    }

    /** Starts a stack whose run folder's name begins with {@code name}, and waits for its consumers. */
    static Stack start(String name) throws Exception {
        Stack stack = Stack.start(Stack.Options.ephemeral(ROOT, Files.createTempDirectory(name)));
        try {
            long start = System.nanoTime();
            awaitConsumersAssigned(stack.kafkaBootstrapServers());
            System.out.printf("%s: every consumer group held its partitions %d ms after the services were ready%n",
                    name, (System.nanoTime() - start) / 1_000_000);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Waits until each (group, topic) a service's configuration declares has every partition of the topic. */
    static void awaitConsumersAssigned(String bootstrapServers) throws IOException {
        Map<String, Set<String>> declared = declaredConsumers();
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await("every declared consumer group holds all partitions of its topics").atMost(CONSUMERS_READY)
                    .pollInterval(Duration.ofMillis(250)).until(() -> unassigned(admin, declared), empty());
        }
    }

    /** Group id to topics, from each service's {@code mp.messaging.incoming.<channel>.topic} and {@code .group.id}. */
    static Map<String, Set<String>> declaredConsumers() throws IOException {
        Map<String, Set<String>> byGroup = new TreeMap<>();
        for (Service service : Service.values()) {
            Path file = ROOT.resolve(service.moduleName()).resolve("src/main/resources/application.properties");
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
            Map<String, Map<String, String>> channels = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                Matcher m = INCOMING.matcher(key);
                if (m.matches()) {
                    channels.computeIfAbsent(m.group(1), c -> new HashMap<>()).put(m.group(2),
                            properties.getProperty(key).trim());
                }
            }
            channels.values().stream().filter(c -> c.containsKey("topic") && c.containsKey("group.id"))
                    .forEach(c -> byGroup.computeIfAbsent(c.get("group.id"), g -> new TreeSet<>()).add(c.get("topic")));
        }
        return byGroup;
    }

    /** What is not consumed yet: "group topic-partition", or "group (state)" for a group still rebalancing. */
    private static List<String> unassigned(Admin admin, Map<String, Set<String>> declared) throws InterruptedException {
        Set<String> topics = new HashSet<>();
        declared.values().forEach(topics::addAll);
        Map<String, TopicDescription> described;
        Map<String, ConsumerGroupDescription> groups;
        try {
            described = admin.describeTopics(topics).allTopicNames().get();
            groups = admin.describeConsumerGroups(declared.keySet()).all().get();
        } catch (ExecutionException notYet) {
            // A topic the consumers have not created yet, or a coordinator still loading.
            return List.of("not described yet: " + notYet.getCause().getMessage());
        }
        List<String> missing = new ArrayList<>();
        for (var entry : declared.entrySet()) {
            ConsumerGroupDescription group = groups.get(entry.getKey());
            if (group == null || group.groupState() != GroupState.STABLE) {
                missing.add(entry.getKey() + " (" + (group == null ? "absent" : group.groupState()) + ")");
                continue;
            }
            Set<TopicPartition> assigned = new HashSet<>();
            for (MemberDescription member : group.members()) {
                assigned.addAll(member.assignment().topicPartitions());
            }
            for (String topic : entry.getValue()) {
                described.get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .filter(p -> !assigned.contains(p))
                        .forEach(p -> missing.add(entry.getKey() + " " + p));
            }
        }
        return missing;
    }
}
