package com.kinetica.kafka;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contracts callers rely on beside Connect's worker: tools, harnesses and the original
 * connector's own tests use the four classes as Kinetica's original connector allowed (tasks
 * started without {@code initialize}, {@code flush} then {@code stop}, the original's option
 * shapes), and every refusal is a {@link ConnectException} of one line naming the option.
 */
class ContractsTest {
    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);
    static final GPUdb gpudb = emu.client();
    static final Schema ROW = SchemaBuilder.struct().name("tweet").field("id", Schema.INT64_SCHEMA)
            .field("text", Schema.STRING_SCHEMA).build();

    static Map<String, String> sink(String topic) {
        Map<String, String> p = new HashMap<>();
        p.put("kinetica.url", emu.url());
        p.put("topics", topic);
        return p;
    }

    static Map<String, String> source(String tables) {
        Map<String, String> p = new HashMap<>();
        p.put("kinetica.url", emu.url());
        p.put("kinetica.table_names", tables);
        return p;
    }

    /** A one-line ConnectException (not a subclass for retries) naming {@code option}. */
    static void refused(String option, Executable call) {
        ConnectException e = assertThrows(ConnectException.class, call);
        assertEquals(ConnectException.class, e.getClass(), e.toString());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(option), option + " in: " + e.getMessage());
    }

    @Test
    void connectorsRefuseMissingAndBadSettingsWithAConnectExceptionNamingTheOption() {
        refused("kinetica.url", () -> new KineticaSinkConnector().start(null));
        refused("kinetica.url", () -> new KineticaSourceConnector().start(null));
        Map<String, String> noUrl = sink("t");
        noUrl.remove("kinetica.url");
        refused("kinetica.url", () -> new KineticaSinkConnector().start(noUrl));
        Map<String, String> noTables = source("a");
        noTables.remove("kinetica.table_names");
        refused("kinetica.table_names", () -> new KineticaSourceConnector().start(noTables));
        Map<String, String> badBatch = sink("t");
        badBatch.put("kinetica.batch_size", "many");
        refused("kinetica.batch_size", () -> new KineticaSinkConnector().start(badBatch));
    }

    @Test
    void tasksAreAskedOfAStartedConnectorOnly() {
        refused("start", () -> new KineticaSinkConnector().taskConfigs(1));
        refused("start", () -> new KineticaSourceConnector().taskConfigs(1));
        KineticaSinkConnector sinkConnector = new KineticaSinkConnector();
        sinkConnector.start(sink("t"));
        refused("tasks.max", () -> sinkConnector.taskConfigs(0));
        KineticaSourceConnector sourceConnector = new KineticaSourceConnector();
        sourceConnector.start(source("a"));
        refused("tasks.max", () -> sourceConnector.taskConfigs(0));
    }

    /** A null or empty value is no value, as the original took it (its test files leave some empty). */
    @Test
    void nullAndEmptyValuesMeanTheDefault() {
        for (String empty : new String[]{null, "", " "}) {
            Map<String, String> props = sink("t");
            props.put("kinetica.tables.destination_name", empty);
            props.put("kinetica.tables.prefix", empty);
            props.put("kinetica.collection_name", empty);
            KineticaSinkConnector connector = new KineticaSinkConnector();
            connector.start(props);
            assertEquals(1, connector.taskConfigs(1).size());
        }
        Map<String, String> props = source("a");
        props.put("kinetica.topic_prefix", null);
        props.put("kinetica.kafka_schema_version", null);
        KineticaSourceConnector connector = new KineticaSourceConnector();
        connector.start(props);
        assertEquals(1, connector.taskConfigs(1).size());
    }

    /** The original's kafka_schema_version: one version per table, in the order of the tables, or one for all. */
    @Test
    void schemaVersionsGoPerTable() throws Exception {
        List<String> tables = List.of("v_one", "v_two", "v_three");
        for (String table : tables) {
            if (!gpudb.hasTable(table, Map.of()).getTableExists()) {
                gpudb.createTable(table, new Type(new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY))
                        .create(gpudb), Map.of());
                GenericRecord row = new GenericRecord(Type.fromTable(gpudb, table));
                row.put("id", 1L);
                gpudb.insertRecords(table, List.of(row), Map.of());
            }
        }
        Map<String, String> mismatched = source("v_one,v_two");
        mismatched.put("kinetica.kafka_schema_version", "1,2,3");
        refused("kinetica.kafka_schema_version", () -> new KineticaSourceConnector().start(mismatched));

        Map<String, String> props = source("v_one, v_two, v_three");
        props.put("kinetica.kafka_schema_version", "1,2,3");
        KineticaSourceConnector connector = new KineticaSourceConnector();
        connector.start(props);
        Map<String, Integer> versions = new HashMap<>();
        for (Map<String, String> taskConfig : connector.taskConfigs(2)) {
            KineticaSourceTask task = new KineticaSourceTask(); // no initialize(), as the original's tests run it
            task.start(taskConfig);
            try {
                for (SourceRecord r : task.poll()) {
                    versions.put(r.topic(), r.valueSchema().version());
                }
            } finally {
                task.stop();
            }
        }
        assertEquals(Map.of("v_one", 1, "v_two", 2, "v_three", 3), versions);
    }

    @Test
    void aSinkTaskStartedWithoutInitializeWritesOnFlushAndStopsCleanly() {
        String topic = "uninitialized";
        KineticaSinkTask task = new KineticaSinkTask();
        task.start(sink(topic));
        List<SinkRecord> records = new ArrayList<>();
        for (long i = 0; i < 3; i++) {
            records.add(new SinkRecord(topic, 0, null, null, ROW, new Struct(ROW).put("id", i).put("text", "t" + i), i));
        }
        task.put(records);
        task.flush(null); // as the original's tests call it: everything put so far, written now
        assertEquals(3, emu.rowCount("tweet"), "the table named after the value schema, as by default");
        task.stop();
        assertEquals(3, emu.rowCount("tweet"));
    }

    @Test
    void tasksRefuseNoSettingsWithAConnectException() {
        refused("kinetica.url", () -> new KineticaSinkTask().start(null));
        refused("kinetica.url", () -> new KineticaSourceTask().start(null));
        new KineticaSinkTask().stop(); // stopping a task never started is no error
        new KineticaSourceTask().stop();
    }
}
