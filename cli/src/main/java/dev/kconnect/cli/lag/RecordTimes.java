package dev.kconnect.cli.lag;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The timestamp of the record a sink reads next in each partition: the oldest record it has not
 * committed there. One consumer without a group, assigned those partitions at those offsets, reads
 * one fetch's worth and keeps each partition's first record's timestamp.
 */
final class RecordTimes {
    private RecordTimes() {
    }

    /** The oldest timestamp among the records at {@code offsets}; empty when none could be read within {@code timeout}. */
    static OptionalLong oldest(String bootstrap, Map<TopicPartition, Long> offsets, Duration timeout) {
        if (offsets.isEmpty()) {
            return OptionalLong.empty();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kconnect-lag");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<TopicPartition, Long> first = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(offsets.keySet());
            offsets.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (first.size() < offsets.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.timestamp());
                }
                consumer.pause(first.keySet());
            }
        }
        return first.values().stream().mapToLong(Long::longValue).filter(t -> t >= 0).min();
    }
}
