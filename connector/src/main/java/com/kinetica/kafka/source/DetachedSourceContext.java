package com.kinetica.kafka.source;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.Collection;
import java.util.Map;

/**
 * The context of a source task started by a caller of its own, without a worker (a tool, a
 * harness, the original connector's tests): no offsets are stored, so every table starts from
 * kinetica.source.initial_position.
 */
public final class DetachedSourceContext implements SourceTaskContext {
    private final Map<String, String> configs;

    public DetachedSourceContext(Map<String, String> configs) {
        this.configs = Map.copyOf(configs);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return null;
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                return Map.of();
            }
        };
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
