package com.kinetica.kafka;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a real {@link KineticaSourceTask} the way a worker does: start, poll, and an offset
 * store that keeps the offset of the last record "sent" per partition (what Connect commits
 * once the producer acknowledged it). A new task started on the same harness resumes from it.
 */
public final class SourceTaskHarness {
    private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();
    private KineticaSourceTask task;

    public KineticaSourceTask start(Map<String, String> props) {
        stop();
        task = new KineticaSourceTask();
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null; // the task does not use metrics
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return committed.get(partition);
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                        Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
                        for (Map<String, T> partition : partitions) {
                            if (committed.containsKey(partition)) {
                                found.put(partition, committed.get(partition));
                            }
                        }
                        return found;
                    }
                };
            }
        });
        task.start(props);
        return task;
    }

    /** One poll; the records returned are "sent" and their offsets committed. */
    public List<SourceRecord> pollOnce() throws InterruptedException {
        List<SourceRecord> records = task.poll();
        if (records == null) {
            return List.of();
        }
        for (SourceRecord record : records) {
            @SuppressWarnings("unchecked")
            Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
            committed.put(record.sourcePartition(), offset);
        }
        return records;
    }

    /** Polls until {@code count} records came or a poll returned none after at least one did. */
    public List<SourceRecord> pollUntil(int count) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        int emptyPolls = 0;
        while (all.size() < count && emptyPolls < 50) {
            List<SourceRecord> records = pollOnce();
            emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
            all.addAll(records);
        }
        return all;
    }

    /** Polls until a poll brings nothing new: everything there is has been read. */
    public List<SourceRecord> pollAll() throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        List<SourceRecord> records;
        do {
            records = pollOnce();
            all.addAll(records);
        } while (!records.isEmpty());
        return all;
    }

    public void stop() {
        if (task != null) {
            task.stop();
            task = null;
        }
    }
}
