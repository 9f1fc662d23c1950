package dev.kconnect.cli.lag;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a sink connector is behind: its consumer group, the records not yet committed in all
 * of its partitions, and each partition.
 */
public record SinkLag(String group, long total, List<PartitionLag> partitions) {

    static SinkLag of(String group, List<PartitionLag> partitions) {
        return new SinkLag(group, partitions.stream().mapToLong(PartitionLag::lag).sum(), List.copyOf(partitions));
    }

    /** Records behind per task (in task order); partitions no task holds are left out. */
    @JsonIgnore
    public Map<Integer, Long> byTask() {
        Map<Integer, Long> tasks = new TreeMap<>();
        for (PartitionLag p : partitions) {
            if (p.task() != null) {
                tasks.merge(p.task(), p.lag(), Long::sum);
            }
        }
        return tasks;
    }

    /** The committed offset of a partition; null when none. */
    Long committed(String topic, int partition) {
        return partitions.stream().filter(p -> p.topic().equals(topic) && p.partition() == partition)
                .findFirst().map(PartitionLag::committed).orElse(null);
    }
}
