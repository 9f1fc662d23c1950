package dev.kconnect.cli.lag;

import dev.kconnect.cli.client.WorkerUnreachableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sink connectors' consumer lag, read with Kafka's Admin API: the committed offsets of each
 * connector's group ({@code connect-NAME}) against the partitions' end offsets, and which task
 * holds each partition (from the group's members, whose client ids end in the task number). Also
 * the end offsets of a source's topics, and the topics' names.
 */
public final class LagReader implements AutoCloseable {

    private static final Comparator<TopicPartition> IN_ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    private final Admin admin;
    private final String bootstrap;
    private final Duration timeout;

    private LagReader(Admin admin, String bootstrap, Duration timeout) {
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    /** A reader of the cluster at {@code bootstrap}; every call waits at most {@code timeout}. */
    public static LagReader connect(String bootstrap, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kconnect");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try {
            return new LagReader(Admin.create(props), bootstrap, timeout);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ClusterException("cannot use --bootstrap-server '" + bootstrap + "': " + rootMessage(e)
                    + "; give HOST:PORT of a Kafka broker", e);
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    Duration timeout() {
        return timeout;
    }

    /** The topics a sink's config names in {@code topics} (none for {@code topics.regex}). */
    public static List<String> topics(Map<String, String> config) {
        String topics = config == null ? null : config.get("topics");
        return topics == null ? List.of() : Arrays.stream(topics.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
    }

    /** The consumer group of a sink connector, as Connect names it. */
    public static String group(String connector) {
        return "connect-" + connector;
    }

    /**
     * The lag of each sink connector, by name. {@code topics} are the topics each one reads (its
     * {@code topics} setting): their partitions count even before the sink commits or holds them,
     * from their earliest offset, so a sink that never started is not shown as up to date.
     */
    public Map<String, SinkLag> sinks(Map<String, List<String>> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Collection<String> connectors = topics.keySet();
        Map<String, List<TopicPartition>> partitionsOf = partitions(topics.values().stream()
                .flatMap(List::stream).collect(Collectors.toSet()));
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        connectors.forEach(c -> specs.put(group(c), new ListConsumerGroupOffsetsSpec()));
        var offsetsResult = admin.listConsumerGroupOffsets(specs);
        var described = admin.describeConsumerGroups(specs.keySet()).describedGroups();

        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<String, Map<TopicPartition, Integer>> tasks = new HashMap<>();
        Set<TopicPartition> all = new TreeSet<>(IN_ORDER);
        for (String connector : connectors) {
            String group = group(connector);
            Map<TopicPartition, OffsetAndMetadata> offsets = orEmpty(offsetsResult.partitionsToOffsetAndMetadata(group));
            ConsumerGroupDescription description = orNull(described.get(group));
            Map<TopicPartition, Integer> assigned = description == null ? Map.of() : assignment(connector, description);
            topics.get(connector).forEach(t -> all.addAll(partitionsOf.getOrDefault(t, List.of())));
            committed.put(connector, offsets);
            tasks.put(connector, assigned);
            all.addAll(offsets.keySet());
            all.addAll(assigned.keySet());
        }
        Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
        Set<TopicPartition> uncommitted = new TreeSet<>(IN_ORDER);
        for (String connector : connectors) {
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.get(connector);
            all.stream().filter(tp -> offsets.get(tp) == null).forEach(uncommitted::add);
        }
        Map<TopicPartition, Long> starts = offsets(uncommitted, OffsetSpec.earliest());

        Map<String, SinkLag> lags = new LinkedHashMap<>();
        for (String connector : connectors) {
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.get(connector);
            Map<TopicPartition, Integer> assigned = tasks.get(connector);
            List<PartitionLag> partitions = new ArrayList<>();
            for (TopicPartition tp : all) {
                if (!offsets.containsKey(tp) && !assigned.containsKey(tp) && !topics.get(connector).contains(tp.topic())) {
                    continue;
                }
                OffsetAndMetadata at = offsets.get(tp);
                Long position = at == null ? null : at.offset();
                long end = ends.getOrDefault(tp, 0L);
                long from = position != null ? position : starts.getOrDefault(tp, end);
                partitions.add(new PartitionLag(tp.topic(), tp.partition(), assigned.get(tp), position, end,
                        Math.max(0, end - from)));
            }
            lags.put(connector, SinkLag.of(group(connector), partitions));
        }
        return lags;
    }

    /** The names of the cluster's topics (Kafka's internal ones left out), in order. */
    public List<String> topicNames() {
        return get(admin.listTopics().names()).stream().sorted().toList();
    }

    /** The end offset of each partition of {@code topics}; topics that do not exist are left out. */
    public Map<TopicPartition, Long> ends(Collection<String> topics) {
        Set<TopicPartition> partitions = new TreeSet<>(IN_ORDER);
        partitions(Set.copyOf(topics)).values().forEach(partitions::addAll);
        return offsets(partitions, OffsetSpec.latest());
    }

    /** The partitions of each topic that exists. */
    private Map<String, List<TopicPartition>> partitions(Set<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        admin.describeTopics(topics).topicNameValues().forEach((topic, future) -> {
            try {
                TopicDescription description = get(future);
                partitions.put(topic, description.partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList());
            } catch (ClusterException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        });
        return partitions;
    }

    /** Which task holds each partition: Connect names a sink task's consumer connector-consumer-NAME-TASK. */
    private static Map<TopicPartition, Integer> assignment(String connector, ConsumerGroupDescription description) {
        String prefix = "connector-consumer-" + connector + "-";
        Map<TopicPartition, Integer> assigned = new HashMap<>();
        for (MemberDescription member : description.members()) {
            String clientId = member.clientId();
            if (clientId == null || !clientId.startsWith(prefix)) {
                continue;
            }
            try {
                int task = Integer.parseInt(clientId.substring(prefix.length()));
                member.assignment().topicPartitions().forEach(tp -> assigned.put(tp, task));
            } catch (NumberFormatException e) {
                // a consumer of the group that is not one of the connector's tasks
            }
        }
        return assigned;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        infos.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private Map<TopicPartition, OffsetAndMetadata> orEmpty(KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> future) {
        Map<TopicPartition, OffsetAndMetadata> offsets = orNull(future);
        return offsets == null ? Map.of() : offsets;
    }

    /** The value; null when the group does not exist (a sink that has not started consuming). */
    private <T> T orNull(KafkaFuture<T> future) {
        try {
            return get(future);
        } catch (ClusterException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw unreachable(cause);
            }
            throw new ClusterException("the Kafka cluster at " + bootstrap + " refused to tell the offsets: "
                    + rootMessage(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while reading offsets from " + bootstrap, e);
        }
    }

    private WorkerUnreachableException unreachable(Throwable cause) {
        return new WorkerUnreachableException("no answer from the Kafka brokers at " + bootstrap + " within "
                + timeout.toSeconds() + " s; check --bootstrap-server (or KCONNECT_BOOTSTRAP_SERVERS, or the context's)",
                cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }
}
