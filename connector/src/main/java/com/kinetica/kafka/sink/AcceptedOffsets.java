package com.kinetica.kafka.sink;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The last offset per partition the writer has taken in. When a put fails part way with a
 * RetriableException, Connect hands the same records again: those already taken are skipped,
 * so nothing is buffered twice.
 */
final class AcceptedOffsets {
    private static final class Last {
        long offset = -1;
    }

    private final Map<TopicPartition, Last> last = new HashMap<>();
    private String cachedTopic;
    private int cachedPartition;
    private Last cached;

    /** True when the record has not been taken in yet. */
    boolean isNew(SinkRecord record) {
        return Coordinates.offsetOf(record) > lastOf(record).offset;
    }

    /** Marks the record as taken in (buffered, or handed to error handling). */
    void taken(SinkRecord record) {
        lastOf(record).offset = Coordinates.offsetOf(record);
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(last::remove);
        cached = null;
        cachedTopic = null;
    }

    private Last lastOf(SinkRecord record) {
        String topic = Coordinates.topicOf(record);
        int partition = Coordinates.kafkaPartitionOf(record);
        if (cached != null && partition == cachedPartition && topic.equals(cachedTopic)) {
            return cached;
        }
        cached = last.computeIfAbsent(new TopicPartition(topic, partition), tp -> new Last());
        cachedTopic = topic;
        cachedPartition = partition;
        return cached;
    }
}
