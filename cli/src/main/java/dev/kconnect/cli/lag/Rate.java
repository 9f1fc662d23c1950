package dev.kconnect.cli.lag;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.TreeMap;

/**
 * Records a sink wrote per second: how far its committed offsets moved between two samples.
 * Connect commits at each offset flush ({@code offset.flush.interval.ms} of the worker), so a
 * window shorter than that shows bursts and pauses rather than an average.
 */
public record Rate(@JsonProperty("records_per_second") double recordsPerSecond,
                   @JsonProperty("window_ms") long windowMs) {

    /** The rate from {@code before} to {@code after}, {@code nanos} apart; partitions new since count from their first commit. */
    public static Rate between(SinkLag before, SinkLag after, long nanos) {
        long written = 0;
        for (PartitionLag p : after.partitions()) {
            Long then = before.committed(p.topic(), p.partition());
            if (then != null && p.committed() != null) {
                written += Math.max(0, p.committed() - then);
            }
        }
        double seconds = nanos / 1e9;
        return new Rate(seconds <= 0 ? 0 : Math.round(written / seconds * 10) / 10.0, nanos / 1_000_000);
    }

    /** Records per second of each task from {@code before} to {@code after}, {@code nanos} apart. */
    public static Map<Integer, Double> byTask(SinkLag before, SinkLag after, long nanos) {
        Map<Integer, Long> written = new TreeMap<>();
        for (PartitionLag p : after.partitions()) {
            Long then = before.committed(p.topic(), p.partition());
            if (p.task() != null && then != null && p.committed() != null) {
                written.merge(p.task(), Math.max(0, p.committed() - then), Long::sum);
            }
        }
        Map<Integer, Double> rates = new TreeMap<>();
        double seconds = nanos / 1e9;
        written.forEach((task, n) -> rates.put(task, seconds <= 0 ? 0 : Math.round(n / seconds * 10) / 10.0));
        return rates;
    }

    /** "1234.5 records/s over 5 s". */
    public String describe() {
        return (recordsPerSecond == Math.rint(recordsPerSecond) ? Long.toString((long) recordsPerSecond)
                : Double.toString(recordsPerSecond)) + " records/s over " + Math.round(windowMs / 1000.0) + " s";
    }
}
