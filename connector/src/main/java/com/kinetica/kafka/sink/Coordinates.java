package com.kinetica.kafka.sink;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record was read from in Kafka: the partition and offset the worker commits, which an
 * SMT that renames topics does not change. Workers before Kafka 3.6 lack
 * {@code SinkRecord.originalTopic()} and its kin (KIP-793); there the record's own topic and
 * partition are all there is, and they are those coordinates only when no transform renamed them
 * ({@link TopicRenaming}). Its offset is always the one read: transforms cannot change it.
 */
public record Coordinates(String topic, int partition, long offset) {
    private static final boolean ORIGINALS = hasOriginals();

    /** Whether this worker tells where a record was read from, whatever transforms did to it. */
    public static boolean workerKeepsOriginals() {
        return ORIGINALS;
    }

    public static Coordinates of(SinkRecord r) {
        return new Coordinates(topicOf(r), kafkaPartitionOf(r), offsetOf(r));
    }

    /** The partition the worker commits for {@code r}. */
    public static TopicPartition partitionOf(SinkRecord r) {
        return ORIGINALS ? new TopicPartition(r.originalTopic(), r.originalKafkaPartition())
                : new TopicPartition(r.topic(), r.kafkaPartition());
    }

    /** Whether two records were read from the same partition; no allocation, for the per-record path. */
    public static boolean samePartition(SinkRecord a, SinkRecord b) {
        return kafkaPartitionOf(a) == kafkaPartitionOf(b) && topicOf(a).equals(topicOf(b));
    }

    /** The offset the worker commits past for {@code r}; no allocation, for the per-record path. */
    public static long offsetOf(SinkRecord r) {
        return ORIGINALS ? r.originalKafkaOffset() : r.kafkaOffset();
    }

    public static String topicOf(SinkRecord r) {
        return ORIGINALS ? r.originalTopic() : r.topic();
    }

    public static int kafkaPartitionOf(SinkRecord r) {
        return ORIGINALS ? r.originalKafkaPartition() : r.kafkaPartition();
    }

    @Override
    public String toString() {
        return "topic=" + topic + " partition=" + partition + " offset=" + offset;
    }

    private static boolean hasOriginals() {
        try {
            SinkRecord.class.getMethod("originalKafkaOffset");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
