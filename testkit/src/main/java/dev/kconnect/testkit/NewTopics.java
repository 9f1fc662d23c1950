package dev.kconnect.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Topics a test writes into as soon as they exist. */
public final class NewTopics {
    private NewTopics() {
    }

    /**
     * Creates the topics and returns once the broker leads every partition. Producing earlier can
     * lose records (KAFKA-15591): an idempotent producer's first request to a partition the broker
     * is still creating is refused, a later request is taken, and the first then fails on its
     * sequence until it expires. A ListOffsets is answered only from a partition the broker has
     * made (describeTopics may name the leader before). The admin client retries it while the
     * partition is not led yet, but not while the broker's metadata does not know the topic at all
     * (UnknownTopicOrPartitionException), which a loaded broker answers for a moment: asked again then.
     */
    public static void create(String bootstrapServers, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (NewTopic t : topics) {
                for (int p = 0; p < t.numPartitions(); p++) {
                    partitions.put(new TopicPartition(t.name(), p), OffsetSpec.latest());
                }
            }
            Await.until("the broker to lead every partition of " + topics, Duration.ofSeconds(60), () -> {
                try {
                    admin.listOffsets(partitions).all().get(60, TimeUnit.SECONDS);
                    return true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        return false;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
