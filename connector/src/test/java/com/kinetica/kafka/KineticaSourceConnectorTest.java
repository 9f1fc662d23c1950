package com.kinetica.kafka;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.Type;
import com.kinetica.kafka.config.KineticaSourceConfig;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KineticaSourceConnectorTest {
    private static Map<String, String> seed() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "kinetica-source-connector");
        props.put("connector.class", "com.kinetica.kafka.KineticaSourceConnector");
        props.put("tasks.max", "3");
        props.put("kinetica.url", "http://localhost:9191");
        props.put("kinetica.table_names", "KafkaConnectorTest");
        return props;
    }

    @Test
    void seedGivesOneTaskWithTheDocumentedKeys() {
        KineticaSourceConnector connector = new KineticaSourceConnector();
        connector.start(seed());
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertEquals(1, tasks.size());
        assertEquals(Map.of("kinetica.timeout", "60000", "kinetica.password", "", "kinetica.url", "http://localhost:9191",
                "kinetica.kafka_schema_version", "", "kinetica.table_names", "KafkaConnectorTest",
                "kinetica.topic_prefix", "", "kinetica.username", ""), tasks.get(0));
    }

    @Test
    void tablesAreSplitOverTasksWithTheOtherOptions() {
        Map<String, String> props = seed();
        props.put("kinetica.table_names", "a,b,c,d");
        props.put("kinetica.topic_prefix", "kin-");
        props.put(KineticaSourceConfig.MODE, "incrementing");
        props.put("kinetica.password", "secret");
        KineticaSourceConnector connector = new KineticaSourceConnector();
        connector.start(props);
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertEquals(List.of("a,b", "c", "d"), tasks.stream().map(t -> t.get("kinetica.table_names")).toList());
        tasks.forEach(task -> {
            assertEquals("kin-", task.get("kinetica.topic_prefix"));
            assertEquals("incrementing", task.get(KineticaSourceConfig.MODE));
            assertEquals("secret", task.get("kinetica.password"));
        });
    }

    @Test
    void validateReportsSinkOptions() {
        Map<String, String> props = seed();
        props.put("kinetica.batch_size", "100");
        props.put("kinetica.tables.create_table", "true");
        List<ConfigValue> values = new KineticaSourceConnector().validate(props).configValues();
        ConfigValue batch = values.stream().filter(v -> v.name().equals("kinetica.batch_size")).findFirst().orElseThrow();
        assertEquals(List.of("kinetica.batch_size is an option of the Kinetica sink connector; the source does not "
                + "use it: remove it from this source connector's config"), batch.errorMessages());
        assertTrue(values.stream().anyMatch(v -> v.name().equals("kinetica.tables.create_table") && !v.errorMessages().isEmpty()));
        assertTrue(new KineticaSourceConnector().validate(seed()).configValues().stream()
                .allMatch(v -> v.errorMessages().isEmpty()));
    }

    @Test
    void validateReportsRulesAcrossOptions() {
        Map<String, String> props = seed();
        props.put(KineticaSourceConfig.INCREMENTING_COLUMN, "Other=id");
        List<ConfigValue> values = new KineticaSourceConnector().validate(props).configValues();
        ConfigValue column = values.stream().filter(v -> v.name().equals(KineticaSourceConfig.INCREMENTING_COLUMN))
                .findFirst().orElseThrow();
        assertEquals(1, column.errorMessages().size());
        assertTrue(column.errorMessages().get(0).contains("names the table 'Other'"), column.errorMessages().toString());
    }

    @Test
    void exactlyOnceOnlyWhereEveryRowHasAnExactOffset() {
        KineticaSourceConnector connector = new KineticaSourceConnector();
        Map<String, String> props = seed();
        props.put("kinetica.table_names", "a,b");
        props.put(KineticaSourceConfig.MODE, "incrementing,b=timestamp+incrementing");
        assertEquals(ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(props));
        props.put(KineticaSourceConfig.MODE, "incrementing,b=timestamp");
        assertEquals(ExactlyOnceSupport.UNSUPPORTED, connector.exactlyOnceSupport(props));
        props.remove(KineticaSourceConfig.MODE);
        props.put(KineticaSourceConfig.INCREMENTING_COLUMN, "id");
        assertEquals(ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(props));
        props.remove(KineticaSourceConfig.INCREMENTING_COLUMN);
        props.put(KineticaSourceConfig.TIMESTAMP_COLUMN, "ts");
        assertEquals(ExactlyOnceSupport.UNSUPPORTED, connector.exactlyOnceSupport(props), "auto on a timestamp column");
    }

    /** Auto mode with no column named: the tables say, as they will to the task. */
    @Test
    void autoModeAsksKineticaWhichColumnItReadsBy() throws Exception {
        try (KineticaEmulator emulator = KineticaEmulator.builder().port(0).start()) {
            GPUdb db = emulator.client();
            EventsTable.create(db, "keyed");
            db.createTable("by_time", new Type("by_time", new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP),
                    new Type.Column("v", String.class)).create(db), Map.of());
            KineticaSourceConnector connector = new KineticaSourceConnector();
            Map<String, String> props = seed();
            props.put("kinetica.url", emulator.url());
            props.put("kinetica.table_names", "keyed");
            assertEquals(ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(props));
            props.put("kinetica.table_names", "keyed,by_time");
            assertEquals(ExactlyOnceSupport.UNSUPPORTED, connector.exactlyOnceSupport(props));
            props.put("kinetica.table_names", "keyed,missing");
            ConnectException e = assertThrows(ConnectException.class, () -> connector.exactlyOnceSupport(props));
            assertEquals("Exactly-once support in auto mode depends on the tables' columns, which Kinetica could not "
                    + "tell: Table 'missing' does not exist in Kinetica at " + emulator.url() + ": create it, or remove "
                    + "it from kinetica.table_names (or name the column in kinetica.source.incrementing_column)", e.getMessage());
        }
    }

    @Test
    void alterOffsetsAcceptsOnlyTheStoredForm() {
        KineticaSourceConnector connector = new KineticaSourceConnector();
        assertTrue(connector.alterOffsets(seed(), Map.of(Map.of("table", "t"), Map.of("incrementing", 5))));
        assertThrows(ConnectException.class,
                () -> connector.alterOffsets(seed(), Map.of(Map.of("tabel", "t"), Map.of("incrementing", 5))));
        assertThrows(ConnectException.class,
                () -> connector.alterOffsets(seed(), Map.of(Map.of("table", "t"), Map.of("incrementing", "five"))));
    }
}
