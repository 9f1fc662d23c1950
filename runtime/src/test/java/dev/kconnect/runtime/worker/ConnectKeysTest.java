package dev.kconnect.runtime.worker;

import dev.kconnect.cli.input.ConnectKeys;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.runtime.SinkConnectorConfig;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The admin client checks connector files against lists of Connect's keys, so that it loads nothing of
 * Connect's runtime: they must be the definitions of the Connect release the runtime bundles. When
 * Kafka is upgraded this fails with the difference; {@code -Dconnect.keys.write=true} writes the lists anew.
 */
class ConnectKeysTest {
    private static final Path LISTS = Path.of("../cli/src/main/resources/dev/kconnect/cli/input");

    @Test
    void theWorkerKeysAreConnectsOwn() throws Exception {
        check("worker-keys.txt", workerKeys());
    }

    @Test
    void theConnectorKeysAreConnectsOwn() throws Exception {
        Set<String> keys = new TreeSet<>(SinkConnectorConfig.configDef().names());
        keys.addAll(SourceConnectorConfig.configDef().names());
        check("connector-keys.txt", keys);
    }

    private static void check(String list, Set<String> connects) throws Exception {
        if (Boolean.getBoolean("connect.keys.write")) {
            Files.write(LISTS.resolve(list), connects);
        }
        assertEquals(connects, ConnectKeys.read(list), list + " differs from Connect's definitions; "
                + "run this test with -Dconnect.keys.write=true to write it anew");
    }

    private static Set<String> workerKeys() {
        Set<String> keys = new TreeSet<>(WorkerDefs.base().names());
        Map<String, String> required = Map.of(
                "bootstrap.servers", "localhost:9092",
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "offset.storage.file.filename", "x",
                "group.id", "g", "config.storage.topic", "c", "offset.storage.topic", "o", "status.storage.topic", "s");
        // values() lists every defined key with its default: the full set of worker keys
        keys.addAll(new StandaloneConfig(required).values().keySet());
        keys.addAll(new DistributedConfig(required).values().keySet());
        // the names of before listeners=, which workers still take
        keys.add("rest.port");
        keys.add("rest.host.name");
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
