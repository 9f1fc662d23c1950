package com.kinetica.kafka.config;

import com.kinetica.kafka.KineticaSinkConnector;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import com.kinetica.kafka.config.RetryLimits;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KineticaSinkConfigTest {

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("kinetica.url", "http://localhost:9191");
        props.put("topics", "a");
        return props;
    }

    @Test
    void defaultsAreTheOriginalConnectorsButOutagesAreWaitedOut() {
        KineticaSinkConfig c = new KineticaSinkConfig(base());
        assertEquals(10000, c.batchSize());
        assertEquals(new RetryLimits(600_000, -1, 1000, 30_000), c.retryLimits(),
                "ten minutes of retries, no count: the original's retry_count=1 failed the task in seconds");
        assertFalse(c.kafkaKey());
        assertTrue(c.multiheadEnabled());
        assertEquals("", c.schemaName());
        assertEquals("", c.prefix());
        assertEquals(List.of(), c.destinationNames());
        assertFalse(c.singleTablePerTopic());
        assertTrue(c.createTable());
        assertTrue(c.updateOnExistingPk());
        assertFalse(c.addNewFields());
        assertFalse(c.makeMissingNullable());
        assertFalse(c.deleteOnTombstone());
        assertEquals(List.of(), c.primaryKeys());
        assertEquals(60_000, c.connection().timeoutMs());
    }

    @Test
    void everyDeprecatedNameStillWorks() {
        Map<String, String> props = base();
        props.put("kinetica.collection_name", "s1");
        props.put("kinetica.table_prefix", "p_");
        props.put("kinetica.dest_table_override", "t1");
        props.put("kinetica.create_table", "false");
        props.put("kinetica.single_table_per_topic", "true");
        props.put("kinetica.update_on_existing_pk", "false");
        props.put("kinetica.allow_schema_evolution", "true");
        props.put("kinetica.add_new_fields_as_columns", "true");
        props.put("kinetica.make_missing_field_nullable", "true");
        KineticaSinkConfig c = new KineticaSinkConfig(props);
        assertEquals("s1", c.schemaName());
        assertEquals("p_", c.prefix());
        assertEquals(List.of("t1"), c.destinationNames());
        assertFalse(c.createTable());
        assertTrue(c.singleTablePerTopic());
        assertFalse(c.updateOnExistingPk());
        assertTrue(c.addNewFields());
        assertTrue(c.makeMissingNullable());
    }

    @Test
    void theNewNameWinsWhenBothAreSet() {
        Map<String, String> props = base();
        props.put("kinetica.table_prefix", "old_");
        props.put("kinetica.tables.prefix", "new_");
        props.put("kinetica.create_table", "false");
        props.put("kinetica.tables.create_table", "true");
        KineticaSinkConfig c = new KineticaSinkConfig(props);
        assertEquals("new_", c.prefix());
        assertTrue(c.createTable());
    }

    @Test
    void everyDeprecatedNameIsDocumentedAndPointsAtItsReplacement() {
        ConfigDef def = KineticaSinkConfig.configDef();
        assertEquals(9, KineticaSinkConfig.ALIASES.newNameByOld().size());
        KineticaSinkConfig.ALIASES.newNameByOld().forEach((oldName, newName) -> {
            ConfigDef.ConfigKey key = def.configKeys().get(oldName);
            assertNotNull(key, oldName);
            assertTrue(key.documentation.contains(newName), oldName);
            assertEquals(def.configKeys().get(newName).type, key.type, oldName);
        });
    }

    @Test
    void everyOptionHasDocumentationAndAGroup() {
        for (ConfigDef.ConfigKey key : KineticaSinkConfig.configDef().configKeys().values()) {
            assertTrue(key.documentation != null && key.documentation.length() > 10, key.name);
            assertNotNull(key.group, key.name);
        }
        assertEquals(ConfigDef.Type.PASSWORD,
                KineticaSinkConfig.configDef().configKeys().get(ConnectionConfig.PASSWORD).type);
    }

    @Test
    void theIssuesOptionsAllExist() {
        for (String name : List.of("kinetica.url", "kinetica.username", "kinetica.password", "kinetica.timeout",
                "kinetica.batch_size", "kinetica.retry_count", "kinetica.enable_multihead",
                "kinetica.tables.schema_name", "kinetica.tables.prefix", "kinetica.tables.destination_name",
                "kinetica.tables.single_table_per_topic", "kinetica.tables.create_table",
                "kinetica.tables.update_on_existing_pk", "kinetica.schema_evolution.enabled",
                "kinetica.schema_evolution.add_new_fields_as_columns",
                "kinetica.schema_evolution.make_missing_field_nullable", "kinetica.tables.primary_keys",
                "kinetica.tables.delete_on_tombstone", "kinetica.retry_backoff_ms")) {
            assertTrue(KineticaSinkConfig.configDef().names().contains(name), name);
        }
    }

    @Test
    void anOldFilesRetryCountAndBackoffStillCount() {
        Map<String, String> props = base();
        props.put("kinetica.retry_count", "3");
        props.put("kinetica.retry_backoff_ms", "3000");
        assertEquals(new RetryLimits(600_000, 3, 3000, 30_000), new KineticaSinkConfig(props).retryLimits());
    }

    @Test
    void kafkaKeysExcludeOtherKeysAndTombstoneDeletes() {
        Map<String, String> props = base();
        props.put("kinetica.tables.primary_key_mode", "KAFKA");
        assertTrue(new KineticaSinkConfig(props).kafkaKey());
        props.put("kinetica.tables.primary_keys", "id");
        ConfigException keys = assertThrows(ConfigException.class, () -> new KineticaSinkConfig(props));
        assertTrue(keys.getMessage().contains("kinetica.tables.primary_keys"), keys.getMessage());
        props.remove("kinetica.tables.primary_keys");
        props.put("kinetica.tables.delete_on_tombstone", "true");
        ConfigException deletes = assertThrows(ConfigException.class, () -> new KineticaSinkConfig(props));
        assertTrue(deletes.getMessage().contains("kinetica.tables.delete_on_tombstone=false"), deletes.getMessage());
        props.put("kinetica.tables.primary_key_mode", "offsets");
        assertThrows(ConfigException.class, () -> new KineticaSinkConfig(props));
    }

    @Test
    void destinationNamesMustMatchTheTopics() {
        Map<String, String> props = base();
        props.put("topics", "a,b");
        props.put("kinetica.tables.destination_name", "x,y");
        assertEquals(List.of("x", "y"), new KineticaSinkConfig(props).destinationNames());

        props.put("kinetica.tables.destination_name", "x");
        ConfigException e = assertThrows(ConfigException.class, () -> new KineticaSinkConfig(props));
        assertTrue(e.getMessage().contains("one table name per topic"), e.getMessage());

        props.remove("topics");
        props.put("topics.regex", "a.*");
        e = assertThrows(ConfigException.class, () -> new KineticaSinkConfig(props));
        assertTrue(e.getMessage().contains("topics.regex"), e.getMessage());
    }

    @Test
    void badValuesAreRejectedWithTheOptionName() {
        Map<String, String> props = base();
        props.put("kinetica.batch_size", "0");
        ConfigException e = assertThrows(ConfigException.class, () -> new KineticaSinkConfig(props));
        assertTrue(e.getMessage().contains("kinetica.batch_size"), e.getMessage());

        Map<String, String> noUrl = base();
        noUrl.remove("kinetica.url");
        e = assertThrows(ConfigException.class, () -> new KineticaSinkConfig(noUrl));
        assertTrue(e.getMessage().contains("kinetica.url"), e.getMessage());

        Map<String, String> badUrl = base();
        badUrl.put("kinetica.url", "localhost:9191");
        assertThrows(ConfigException.class, () -> new KineticaSinkConfig(badUrl));
    }

    @Test
    void connectorValidationReportsMismatchedDestinations() {
        Map<String, String> props = base();
        props.put("topics", "a,b");
        props.put("kinetica.dest_table_override", "x");
        Config config = new KineticaSinkConnector().validate(props);
        ConfigValue destination = config.configValues().stream()
                .filter(v -> v.name().equals(KineticaSinkConfig.DESTINATION_NAME)).findFirst().orElseThrow();
        assertEquals(1, destination.errorMessages().size(), destination.errorMessages().toString());

        props.put("kinetica.dest_table_override", "x,y");
        config = new KineticaSinkConnector().validate(props);
        assertTrue(config.configValues().stream().allMatch(v -> v.errorMessages().isEmpty()));
    }

    @Test
    void passwordIsMaskedInSettings() {
        Map<String, String> props = base();
        props.put("kinetica.password", "s3cret");
        KineticaSinkConfig c = new KineticaSinkConfig(props);
        assertEquals("s3cret", c.connection().password());
        assertFalse(c.connection().toString().contains("s3cret"));
        assertFalse(c.toString().contains("s3cret"));
    }
}
