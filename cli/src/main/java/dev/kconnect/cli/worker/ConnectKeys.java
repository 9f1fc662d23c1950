package dev.kconnect.cli.worker;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.runtime.SinkConnectorConfig;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which keys belong to a worker and which to a connector, read from Connect's own config
 * definitions, to catch the guide's "don't mix" mistake before a worker starts.
 */
final class ConnectKeys {
    /** Keys valid in both: per-connector converter overrides. */
    private static final Set<String> SHARED = Set.of("key.converter", "value.converter", "header.converter");

    private static final Set<String> WORKER = workerKeys();
    private static final Set<String> CONNECTOR = connectorKeys();

    private ConnectKeys() {
    }

    /** Keys of {@code connectorSettings} that only a worker understands. */
    static Set<String> workerOnly(Map<String, String> connectorSettings) {
        Set<String> found = new TreeSet<>();
        for (String key : connectorSettings.keySet()) {
            if (WORKER.contains(key) && !CONNECTOR.contains(key) && !SHARED.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /** Keys of {@code workerSettings} that only a connector understands. */
    static Set<String> connectorOnly(Map<String, String> workerSettings) {
        Set<String> found = new TreeSet<>();
        for (String key : workerSettings.keySet()) {
            boolean connectorKey = CONNECTOR.contains(key) || key.startsWith("kinetica.");
            if (connectorKey && !WORKER.contains(key) && !SHARED.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    private static Set<String> workerKeys() {
        Set<String> keys = new HashSet<>(WorkerDefs.base().names());
        Map<String, String> required = Map.of(
                "bootstrap.servers", "localhost:9092",
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "offset.storage.file.filename", "x",
                "group.id", "g", "config.storage.topic", "c", "offset.storage.topic", "o", "status.storage.topic", "s");
        // values() lists every defined key with its default: the full set of worker keys
        keys.addAll(new StandaloneConfig(required).values().keySet());
        keys.addAll(new DistributedConfig(required).values().keySet());
        keys.add("rest.port");
        keys.add("rest.host.name");
        return keys;
    }

    private static Set<String> connectorKeys() {
        Set<String> keys = new HashSet<>(SinkConnectorConfig.configDef().names());
        keys.addAll(SourceConnectorConfig.configDef().names());
        return keys;
    }

    /** Reaches WorkerConfig's protected base definition. */
    private abstract static class WorkerDefs extends WorkerConfig {
        private WorkerDefs() {
            super(new ConfigDef(), Map.of());
        }

        static ConfigDef base() {
            return baseConfigDef();
        }
    }
}
