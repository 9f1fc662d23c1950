package dev.kconnect.cli.lag;

/**
 * One partition a sink consumes: its consumer group's committed offset against the partition's end.
 *
 * @param task      the task it is assigned to; null when no task holds it now (paused, rebalancing)
 * @param committed the group's committed offset; null when none yet (the task starts at the earliest)
 * @param lag       records behind: end minus committed (or minus the earliest offset when none is committed)
 */
public record PartitionLag(String topic, int partition, Integer task, Long committed, long end, long lag) {

    /** "orders-0", as Kafka's tools name partitions. */
    public String name() {
        return topic + "-" + partition;
    }
}
