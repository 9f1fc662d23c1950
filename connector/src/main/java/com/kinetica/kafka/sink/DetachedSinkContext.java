package com.kinetica.kafka.sink;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

import java.util.Map;
import java.util.Set;

/**
 * The context of a sink task started by a caller of its own, without a worker (a tool, a harness,
 * the original connector's tests): there is no consumer to pause or rewind and no error reporter,
 * so a record that cannot be written fails the call, and the caller writes with {@code flush}.
 */
public final class DetachedSinkContext implements SinkTaskContext {
    private final Map<String, String> configs;

    public DetachedSinkContext(Map<String, String> configs) {
        this.configs = Map.copyOf(configs);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
