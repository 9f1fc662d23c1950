package dev.kconnect.cli.lag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records per second between two samples, and how many: for a sink, how far its committed offsets
 * moved (Connect commits at each offset flush, {@code offset.flush.interval.ms} of the worker, so
 * a window shorter than that shows bursts and pauses rather than an average); for a source, how
 * far the end offsets of the topics it writes to moved ({@code topics}), which counts every
 * producer of those topics, not only the source.
 *
 * @param records the records written between the two samples
 * @param topics  for a source, the topics whose growth this is; null for a sink
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rate(@JsonProperty("records_per_second") double recordsPerSecond,
                   @JsonProperty("window_ms") long windowMs,
                   long records,
                   List<String> topics) {

    /** The rate from {@code before} to {@code after}, {@code nanos} apart; partitions new since count from their first commit. */
    public static Rate between(SinkLag before, SinkLag after, long nanos) {
        long written = 0;
        for (PartitionLag p : after.partitions()) {
            Long then = before.committed(p.topic(), p.partition());
            if (then != null && p.committed() != null) {
                written += Math.max(0, p.committed() - then);
            }
        }
        return new Rate(perSecond(written, nanos), nanos / 1_000_000, written, null);
    }

    /** How far the topics' ends grew from {@code before} to {@code after}, {@code nanos} apart; partitions new since are left out. */
    public static Rate between(TopicEnds before, TopicEnds after, long nanos) {
        long written = 0;
        for (Map.Entry<TopicPartition, Long> end : after.ends().entrySet()) {
            Long then = before.ends().get(end.getKey());
            if (then != null) {
                written += Math.max(0, end.getValue() - then);
            }
        }
        return new Rate(perSecond(written, nanos), nanos / 1_000_000, written, after.topics());
    }

    private static double perSecond(long records, long nanos) {
        double seconds = nanos / 1e9;
        return seconds <= 0 ? 0 : Math.round(records / seconds * 10) / 10.0;
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
        written.forEach((task, n) -> rates.put(task, perSecond(n, nanos)));
        return rates;
    }

    /** "1234.5 records/s over 5 s", and for a source the topics it counts and that anyone's records count. */
    public String describe() {
        String rate = (recordsPerSecond == Math.rint(recordsPerSecond) ? Long.toString((long) recordsPerSecond)
                : Double.toString(recordsPerSecond)) + " records/s over " + Math.round(windowMs / 1000.0) + " s";
        return topics == null ? rate : rate + " into " + (topics.size() == 1 ? "topic " : "topics ")
                + String.join(", ", topics) + " (their end offsets: other producers of them count too)";
    }
}
