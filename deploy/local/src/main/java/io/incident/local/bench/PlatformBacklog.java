package io.incident.local.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the platform still has to do: records its consumer groups have not yet committed, and outbox rows its relays
 * have not yet published. Both zero means every event sent so far has been applied and every event that caused has
 * been handed to Kafka. Groups without members (a finished load driver's, say) are nobody's work and are left out,
 * as are groups named with the caller's prefix.
 *
 * <p>That is not yet everything: the notification service plans a message in the consumer's transaction and sends
 * it later from its delivery queue, so mail can still be waiting when lag and outboxes are zero. The snapshot counts
 * those first attempts separately; retries of a failing channel are not counted, they may wait for hours.
 */
final class PlatformBacklog implements AutoCloseable {

    private final Admin admin;
    private final Connection db;
    private final String ignoredPrefix;
    private final String unpublishedQuery;
    private final List<String> schemas;
    private final boolean hasDeliveryQueue;

    /** Lag per consumer group and unpublished rows per service schema (both in name order), and unsent messages. */
    record Snapshot(Map<String, Long> lagByGroup, Map<String, Long> unpublishedBySchema, long deliveriesWaiting) {

        long lag() {
            return lagByGroup.values().stream().mapToLong(Long::longValue).sum();
        }

        long unpublished() {
            return unpublishedBySchema.values().stream().mapToLong(Long::longValue).sum();
        }

        /** No lag and every outbox published: the drain as Kafka and the databases see it. */
        boolean empty() {
            return lag() == 0 && unpublished() == 0;
        }

        /** Empty, and no message waiting for its first attempt either: nothing left to do. */
        boolean idle() {
            return empty() && deliveriesWaiting == 0;
        }

        /** e.g. {@code lag 1,204 (deadline-service 900, docs-service 304), outbox 12 (commander 12), ...} */
        String describe() {
            return String.format("lag %,d%s, outbox %,d%s, deliveries waiting %,d", lag(), nonZero(lagByGroup),
                    unpublished(), nonZero(unpublishedBySchema), deliveriesWaiting);
        }

        private static String nonZero(Map<String, Long> counts) {
            String parts = counts.entrySet().stream().filter(e -> e.getValue() != 0)
                    .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "));
            return parts.isEmpty() ? "" : " (" + parts + ")";
        }
    }

    PlatformBacklog(String kafka, Connection db, String ignoredPrefix) throws SQLException {
        this.admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
        this.db = db;
        this.ignoredPrefix = ignoredPrefix;
        List<String> found = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select table_schema from"
                + " information_schema.tables where table_name = 'outbox_event' order by table_schema")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No outbox_event table in the database: are the services running?");
        }
        this.schemas = List.copyOf(found);
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select 1 from information_schema.tables"
                + " where table_schema = 'notification' and table_name = 'delivery'")) {
            this.hasDeliveryQueue = rs.next();
        }
        // One round trip for all schemas; the partial index on unpublished rows makes each count cheap.
        this.unpublishedQuery = schemas.stream().map(schema -> "select '" + schema + "', count(*) from \""
                + schema + "\".outbox_event where published_at is null").collect(Collectors.joining(" union all "));
    }

    List<String> schemas() {
        return schemas;
    }

    Snapshot take() throws Exception {
        return new Snapshot(lag(), unpublished(), deliveriesWaiting());
    }

    /**
     * Per group, over the partitions its members hold and those it has committed on: end offset minus committed
     * offset. A held partition with nothing committed yet (on a fresh stack, until a group's first commit) is read
     * from its earliest offset, as the services' {@code auto.offset.reset=earliest} does, so it counts in full.
     */
    private Map<String, Long> lag() throws Exception {
        // listGroups(forConsumerGroups()) is what Kafka 4 offers in place of the deprecated listConsumerGroups().
        List<String> groups = new ArrayList<>();
        for (GroupListing g : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            boolean idle = g.groupState().map(s -> s == GroupState.EMPTY || s == GroupState.DEAD).orElse(false);
            if (!idle && !g.groupId().startsWith(ignoredPrefix)) {
                groups.add(g.groupId());
            }
        }
        Map<String, Long> lag = new TreeMap<>();
        if (groups.isEmpty()) {
            return lag;
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                admin.listConsumerGroupOffsets(specs).all().get();
        Map<String, Set<TopicPartition>> read = new HashMap<>();
        admin.describeConsumerGroups(groups).all().get().forEach((group, description) -> {
            Set<TopicPartition> partitions = new HashSet<>(committed.getOrDefault(group, Map.of()).keySet());
            description.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
            read.put(group, partitions);
        });
        Map<TopicPartition, Long> ends = offsets(read, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(read, OffsetSpec.earliest());
        read.forEach((group, partitions) -> lag.put(group, partitions.stream().mapToLong(tp -> {
            OffsetAndMetadata c = committed.getOrDefault(group, Map.of()).get(tp);
            return Math.max(0, ends.getOrDefault(tp, 0L) - (c != null ? c.offset() : starts.getOrDefault(tp, 0L)));
        }).sum()));
        return lag;
    }

    private Map<TopicPartition, Long> offsets(Map<String, Set<TopicPartition>> read, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        read.values().forEach(partitions -> partitions.forEach(tp -> request.put(tp, spec)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private Map<String, Long> unpublished() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(unpublishedQuery)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private long deliveriesWaiting() throws SQLException {
        if (!hasDeliveryQueue) {
            return 0;
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from"
                + " notification.delivery where status = 'PENDING' and attempts = 0")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
