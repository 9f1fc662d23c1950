package dev.kconnect.cli.lag;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A connector's rate from two samples a window apart: a sink's committed offsets, or the end
 * offsets of the topics a source writes to.
 */
public final class Sampler {

    private Sampler() {
    }

    /** The lag at the second sample and the rate between the two; with a zero window, the lag alone. */
    public static Health sink(LagReader reader, String connector, List<String> topics, Duration window) {
        Map<String, List<String>> of = Map.of(connector, topics);
        Two<SinkLag> two = twice(() -> reader.sinks(of).get(connector), sleep(window));
        SinkLag last = two.second == null ? two.first : two.second;
        Map<TopicPartition, Long> next = new HashMap<>();
        last.partitions().stream().filter(p -> p.lag() > 0)
                .forEach(p -> next.put(new TopicPartition(p.topic(), p.partition()), p.end() - p.lag()));
        OptionalLong oldest = RecordTimes.oldest(reader.bootstrap(), next, reader.timeout());
        Behind behind = Behind.of(two.first, two.second, two.nanos, oldest.isPresent() ? oldest.getAsLong() : null,
                System.currentTimeMillis());
        Rate rate = two.second == null ? null : Rate.between(two.first, two.second, two.nanos);
        return new Health(last, rate, null, null, behind);
    }

    /** How fast the end offsets of {@code topics} grew over {@code window}; null for a zero window. */
    public static Rate source(LagReader reader, List<String> topics, Duration window) {
        return source(reader, topics, sleep(window));
    }

    /** As {@link #source(LagReader, List, Duration)}, with {@code between} run between the samples (false: no rate). */
    static Rate source(LagReader reader, List<String> topics, BooleanSupplier between) {
        Two<TopicEnds> two = twice(() -> new TopicEnds(topics, reader.ends(topics)), between);
        return two.second == null ? null : Rate.between(two.first, two.second, two.nanos);
    }

    private record Two<T>(T first, T second, long nanos) {
    }

    private static <T> Two<T> twice(Supplier<T> sample, BooleanSupplier between) {
        T first = sample.get();
        long start = System.nanoTime();
        if (!between.getAsBoolean()) {
            return new Two<>(first, null, 0);
        }
        T second = sample.get();
        return new Two<>(first, second, System.nanoTime() - start);
    }

    /** Sleeps for {@code window}; false for a zero window or when interrupted. */
    private static BooleanSupplier sleep(Duration window) {
        return () -> {
            if (window.isZero()) {
                return false;
            }
            try {
                Thread.sleep(window.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
