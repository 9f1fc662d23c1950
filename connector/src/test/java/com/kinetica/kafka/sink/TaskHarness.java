package com.kinetica.kafka.sink;

import com.kinetica.kafka.KineticaSinkTask;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one real {@link KineticaSinkTask} the way a Connect worker does (start, put, preCommit
 * with the offsets of what was put, close, stop), with the worker's context reduced to what the
 * task uses: an errant record reporter that keeps what it gets, and the retry timeout.
 */
public final class TaskHarness implements AutoCloseable {
    record Reported(SinkRecord record, Throwable error) {
    }

    final KineticaSinkTask task = new KineticaSinkTask();
    final List<Reported> reported = new ArrayList<>();
    final Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
    /** The partitions the task asked the worker to pause; the test hands them no records. */
    final Set<TopicPartition> paused = new HashSet<>();
    int pauses;
    long lastTimeout = -1;
    private final Map<String, Long> nextOffset = new HashMap<>();
    /** Where records renamed by {@link #renamed} were read from; others by their own topic. */
    private final Map<SinkRecord, TopicPartition> readFrom = new IdentityHashMap<>();

    public TaskHarness(Map<String, String> props, boolean withReporter) {
        ErrantRecordReporter reporter = withReporter ? (record, error) -> {
            reported.add(new Reported(record, error));
            return CompletableFuture.completedFuture(null);
        } : null;
        task.initialize(new SinkTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public void offset(Map<TopicPartition, Long> offsets) {
            }

            @Override
            public void offset(TopicPartition tp, long offset) {
            }

            @Override
            public void timeout(long timeoutMs) {
                lastTimeout = timeoutMs;
            }

            @Override
            public Set<TopicPartition> assignment() {
                return consumed.keySet();
            }

            @Override
            public void pause(TopicPartition... partitions) {
                pauses++;
                paused.addAll(List.of(partitions));
            }

            @Override
            public void resume(TopicPartition... partitions) {
                List.of(partitions).forEach(paused::remove);
            }

            @Override
            public void requestCommit() {
            }

            @Override
            public ErrantRecordReporter errantRecordReporter() {
                return reporter;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        });
        task.start(props);
    }

    /** A record on partition 0 of {@code topic} at the next offset. */
    public SinkRecord record(String topic, Schema keySchema, Object key, Schema valueSchema, Object value) {
        long offset = nextOffset.merge(topic, 1L, Long::sum) - 1;
        return new SinkRecord(topic, 0, keySchema, key, valueSchema, value, offset);
    }

    /**
     * A record read from partition 0 of {@code topic} at its next offset, whose topic a transform
     * renamed to {@code renamedTo}, as a worker before Connect 3.6 hands it: with no original
     * coordinates ({@code originalTopic()} is the new name).
     */
    public SinkRecord renamed(String topic, String renamedTo, Schema valueSchema, Object value) {
        long offset = nextOffset.merge(topic, 1L, Long::sum) - 1;
        SinkRecord r = new SinkRecord(renamedTo, 0, null, null, valueSchema, value, offset);
        readFrom.put(r, new TopicPartition(topic, 0));
        return r;
    }

    /** Puts like the worker: offsets count as consumed only when put returns. */
    public void put(Collection<SinkRecord> records) {
        task.put(records);
        for (SinkRecord r : records) {
            TopicPartition tp = readFrom.getOrDefault(r, new TopicPartition(r.topic(), r.kafkaPartition()));
            consumed.put(tp, new OffsetAndMetadata(r.kafkaOffset() + 1));
        }
    }

    /**
     * Puts, then puts nothing, as the worker does when the topics fall idle: everything is
     * written, and a failure of a batch written in the background shows here.
     */
    public void putAndWrite(Collection<SinkRecord> records) {
        put(records);
        put(List.of());
    }

    /** What the worker would commit now. */
    public Map<TopicPartition, OffsetAndMetadata> commit() {
        return task.preCommit(new HashMap<>(consumed));
    }

    @Override
    public void close() {
        task.close(new ArrayList<>(consumed.keySet()));
        task.stop();
    }
}
