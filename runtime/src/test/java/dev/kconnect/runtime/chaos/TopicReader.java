package dev.kconnect.runtime.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.testkit.Await;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic from its start as a {@code read_committed} consumer (what an exactly-once source
 * promises is for such consumers), keeping the id of every record's value; each call reads on.
 */
final class TopicReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<Long> ids = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic, int partitionCount) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed", "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        this.partitions = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads up to the last stable offset (or for at most {@code max}); returns the ids read so far. */
    List<Long> readOn(Duration max) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Await.poll(max, () -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                ids.add(idOf(record.value()));
            }
            return reached(end);
        }, reached -> reached);
        return ids;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    private static long idOf(String value) {
        try {
            return JSON.readTree(value).path("payload").path("id").asLong(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
