package com.kinetica.kafka.config;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KineticaSourceConfigTest {
    private static Map<String, String> seed() {
        Map<String, String> props = new HashMap<>();
        props.put("kinetica.url", "http://localhost:9191");
        props.put("kinetica.table_names", "KafkaConnectorTest");
        return props;
    }

    @Test
    void seedConfigTakesTheDefaults() {
        KineticaSourceConfig config = new KineticaSourceConfig(seed());
        assertEquals(List.of("KafkaConnectorTest"), config.tables());
        assertEquals("", config.topicPrefix());
        assertNull(config.schemaVersion("KafkaConnectorTest"));
        assertEquals(ReadMode.AUTO, config.mode("KafkaConnectorTest"));
        assertNull(config.incrementingColumn("KafkaConnectorTest"));
        assertNull(config.timestampColumn("KafkaConnectorTest"));
        assertFalse(config.startAtLatest());
        assertEquals(10000, config.batchSize());
        assertEquals("http://localhost:9191", config.connection().url());
    }

    @Test
    void perTableEntriesOverrideTheGeneralValue() {
        Map<String, String> props = seed();
        props.put("kinetica.table_names", "a, ki_home.b ,c");
        props.put(KineticaSourceConfig.MODE, "incrementing, ki_home.b=timestamp+incrementing");
        props.put(KineticaSourceConfig.INCREMENTING_COLUMN, "ki_home.b=seq");
        props.put(KineticaSourceConfig.TIMESTAMP_COLUMN, "updated");
        props.put(KineticaSourceConfig.SCHEMA_VERSION, "3");
        props.put(KineticaSourceConfig.INITIAL_POSITION, "latest");
        KineticaSourceConfig config = new KineticaSourceConfig(props);
        assertEquals(List.of("a", "ki_home.b", "c"), config.tables());
        assertEquals(ReadMode.INCREMENTING, config.mode("a"));
        assertEquals(ReadMode.TIMESTAMP_INCREMENTING, config.mode("ki_home.b"));
        assertEquals("seq", config.incrementingColumn("ki_home.b"));
        assertNull(config.incrementingColumn("a"));
        assertEquals("updated", config.timestampColumn("c"));
        assertEquals(3, config.schemaVersion("ki_home.b"));
        assertTrue(config.startAtLatest());
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertError("kinetica.table_names", "", "at least one table");
        assertError("kinetica.table_names", "a,,b", "empty table name");
        assertError("kinetica.table_names", "a,a", "twice");
        assertError(KineticaSourceConfig.MODE, "sometimes", "must be one of");
        assertError(KineticaSourceConfig.MODE, "incrementing,timestamp", "two values for all tables");
        assertError(KineticaSourceConfig.MODE, "KafkaConnectorTest=fast", "must be one of");
        assertError(KineticaSourceConfig.INCREMENTING_COLUMN, "=id", "'table=value'");
        assertError(KineticaSourceConfig.INCREMENTING_COLUMN, "other=id", "not in kinetica.table_names");
        assertError(KineticaSourceConfig.SCHEMA_VERSION, "v1", "positive integer");
        assertError(KineticaSourceConfig.SCHEMA_VERSION, "0", "positive integer");
        assertError(KineticaSourceConfig.INITIAL_POSITION, "now", "earliest");
        assertError(KineticaSourceConfig.BATCH_SIZE, "0", "kinetica.source.batch_size");
        assertError("kinetica.url", "localhost:9191", "http://");
    }

    @Test
    void sinkOptionsAreRecognised() {
        Map<String, String> props = seed();
        props.put("kinetica.batch_size", "100");
        props.put("kinetica.tables.create_table", "true");
        props.put("kinetica.create_table", "true");
        props.put("topics", "x");
        assertEquals(List.of("kinetica.batch_size", "kinetica.create_table", "kinetica.tables.create_table", "topics"),
                List.copyOf(KineticaSourceConfig.sinkOnlyKeys(props)));
        assertTrue(KineticaSourceConfig.sinkOnlyKeys(seed()).isEmpty());
    }

    @Test
    void sinkOptionsComeFromTheSinksConfigDefAndOldNames() {
        Map<String, String> props = seed();
        props.put(KineticaSinkConfig.PRIMARY_KEYS, "id");
        props.put("kinetica.collection_name", "s");
        props.put("kinetica.timeout", "5"); // shared: not sink-only
        assertEquals(List.of("kinetica.collection_name", KineticaSinkConfig.PRIMARY_KEYS),
                List.copyOf(KineticaSourceConfig.sinkOnlyKeys(props)));
    }

    @Test
    void everyOptionIsInTheConfigReference() {
        String md = ConfigReference.render(ConfigReference.sections());
        for (String name : KineticaSourceConfig.CONFIG_DEF.names()) {
            assertTrue(md.contains("| `" + name + "` |"), name);
        }
        assertTrue(md.contains("## Source connector (com.kinetica.kafka.KineticaSourceConnector)"));
    }

    @Test
    void everyOptionIsDocumentedInAGroup() {
        KineticaSourceConfig.CONFIG_DEF.configKeys().values().forEach(key -> {
            assertFalse(key.documentation == null || key.documentation.isBlank(), key.name);
            assertFalse(key.group == null, key.name);
        });
    }

    private static void assertError(String key, String value, String expected) {
        Map<String, String> props = seed();
        props.put(key, value);
        ConfigException e = assertThrows(ConfigException.class, () -> new KineticaSourceConfig(props));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
