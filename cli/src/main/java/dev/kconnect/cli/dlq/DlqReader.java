package dev.kconnect.cli.dlq;

import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.topic.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dead-letter queue from its start to the end it had when reading began (records that
 * arrive meanwhile wait for the next run, so a read always ends), at most {@code max} records.
 */
public final class DlqReader {

    /** What was read: the records, and how many the topic held in all. */
    public record Contents(List<DlqRecord> records, long total) {
    }

    private DlqReader() {
    }

    public static Contents read(String bootstrap, String topic, long max) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrap)) {
            List<PartitionInfo> infos = consumer.listTopics(KafkaClients.TIMEOUT).get(topic);
            if (infos == null || infos.isEmpty()) {
                throw new NotFoundException("no topic '" + topic + "' at " + bootstrap + ": Connect creates the dead-letter "
                        + "queue when the sink's tasks start; check --bootstrap-server");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, KafkaClients.TIMEOUT));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, KafkaClients.TIMEOUT);
            long total = partitions.stream().mapToLong(tp -> ends.get(tp) - starts.get(tp)).sum();
            List<DlqRecord> records = new ArrayList<>();
            ends.entrySet().removeIf(e -> e.getValue() <= starts.get(e.getKey()));
            while (!ends.isEmpty() && records.size() < max) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = ends.get(tp);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    if (records.size() < max) {
                        records.add(DlqRecord.from(r));
                    }
                    if (r.offset() + 1 >= end) {
                        ends.remove(tp);
                    }
                }
                // a compacted or transactional topic may end on a gap: stop where the consumer is
                ends.entrySet().removeIf(e -> consumer.position(e.getKey(), KafkaClients.TIMEOUT) >= e.getValue());
            }
            return new Contents(records, total);
        } catch (TimeoutException e) {
            throw KafkaClients.unreachable(bootstrap, e);
        }
    }
}
