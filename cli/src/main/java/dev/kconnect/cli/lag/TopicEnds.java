package dev.kconnect.cli.lag;

import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The end offsets of the topics a source connector writes to, at one moment. How far they grow is
 * the source's rate, and that of every other producer of those topics.
 */
public record TopicEnds(List<String> topics, Map<TopicPartition, Long> ends) {

    public TopicEnds {
        topics = List.copyOf(topics);
        ends = Map.copyOf(ends);
    }

    /** The ends of {@code topics} out of {@code all} (read for several connectors at once). */
    public static TopicEnds of(List<String> topics, Map<TopicPartition, Long> all) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        all.forEach((tp, end) -> {
            if (topics.contains(tp.topic())) {
                ends.put(tp, end);
            }
        });
        return new TopicEnds(topics, ends);
    }
}
