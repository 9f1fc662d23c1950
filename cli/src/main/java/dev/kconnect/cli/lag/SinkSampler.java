package dev.kconnect.cli.lag;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A sink's lag and rate: two samples of its committed offsets, {@code window} apart. */
public final class SinkSampler {

    private SinkSampler() {
    }

    /** The lag at the second sample and the rate between the two; with a zero window, the lag alone. */
    public static Health sample(LagReader reader, String connector, List<String> topics, Duration window) {
        Map<String, List<String>> of = Map.of(connector, topics);
        SinkLag first = reader.sinks(of).get(connector);
        long start = System.nanoTime();
        if (window.isZero()) {
            return new Health(first, null, null);
        }
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(first, null, null);
        }
        SinkLag second = reader.sinks(of).get(connector);
        return new Health(second, Rate.between(first, second, System.nanoTime() - start), null);
    }
}
