package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.Type;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Naming, upserts, tombstones, evolution and bad records, through the real client into the emulator. */
class SinkTaskBehaviourTest {
    static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
    static final Schema ROW = SchemaBuilder.struct().name("com.acme.Row")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .build();
    static final AtomicInteger counter = new AtomicInteger();

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);
    static final GPUdb gpudb = emu.client();

    static String unique(String base) {
        return base + counter.incrementAndGet();
    }

    static Map<String, String> props(String topics, String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("kinetica.url", emu.url());
        p.put("topics", topics);
        p.put("kinetica.tables.single_table_per_topic", "true");
        p.put("kinetica.retry_backoff_ms", "0");
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    static SinkRecord row(TaskHarness h, String topic, long id, String name) {
        return h.record(topic, KEY, new Struct(KEY).put("id", id), ROW, new Struct(ROW).put("id", id).put("name", name));
    }

    static Map<Long, String> namesById(String table) {
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> r : emu.rows(table)) {
            names.put((Long) r.get("id"), (String) r.get("name"));
        }
        return names;
    }

    @Test
    void namingRulesPickTheTable() {
        String t1 = unique("orders"), t2 = unique("events.v"), t3 = unique("a"), t4 = unique("b");
        Schema apple = SchemaBuilder.struct().name("com.acme.fruit.Apple" + counter.get()).field("id", Schema.INT64_SCHEMA).build();
        Struct value = new Struct(apple).put("id", 1L);
        try (TaskHarness h = new TaskHarness(props(t1, "kinetica.tables.single_table_per_topic", "false",
                "kinetica.tables.schema_name", "s1", "kinetica.tables.prefix", "p_"), false)) {
            h.put(List.of(h.record(t1, null, null, apple, value)));
            h.commit();
        }
        assertTrue(emu.hasTable("s1.p_Apple" + counter.get()), emu.tableNames().toString());

        try (TaskHarness h = new TaskHarness(props(t2, "kinetica.collection_name", "s2", "kinetica.table_prefix", "k_"), false)) {
            h.put(List.of(h.record(t2, null, null, apple, value)));
            h.commit();
        }
        assertTrue(emu.hasTable("s2.k_" + t2.replace('.', '_')), emu.tableNames().toString());

        try (TaskHarness h = new TaskHarness(props(t3 + "," + t4,
                "kinetica.tables.destination_name", "dest_" + t3 + ",other.dest_" + t4), false)) {
            h.put(List.of(h.record(t3, null, null, apple, value), h.record(t4, null, null, apple, value)));
            h.commit();
        }
        assertTrue(emu.hasTable("dest_" + t3), emu.tableNames().toString());
        assertTrue(emu.hasTable("other.dest_" + t4), emu.tableNames().toString());
    }

    @Test
    void upsertsByKeyMakeReplaysIdempotent() throws Exception {
        String topic = unique("upsert");
        try (TaskHarness h = new TaskHarness(props(topic), false)) {
            h.put(List.of(row(h, topic, 1, "a"), row(h, topic, 2, "b"), row(h, topic, 3, "c")));
            h.commit();
            // a replay after a crash, with one changed value
            h.put(List.of(row(h, topic, 1, "a"), row(h, topic, 2, "B"), row(h, topic, 3, "c")));
            h.commit();
        }
        assertTrue(Type.fromTable(gpudb, topic).getColumn("id").hasProperty(ColumnProperty.PRIMARY_KEY));
        assertEquals(Map.of(1L, "a", 2L, "B", 3L, "c"), namesById(topic));

        String keep = unique("keep");
        try (TaskHarness h = new TaskHarness(props(keep, "kinetica.tables.update_on_existing_pk", "false",
                "kinetica.tables.primary_keys", "id"), false)) {
            h.put(List.of(h.record(keep, null, null, ROW, new Struct(ROW).put("id", 1L).put("name", "first"))));
            h.put(List.of(h.record(keep, null, null, ROW, new Struct(ROW).put("id", 1L).put("name", "second"))));
            h.commit();
        }
        assertTrue(Type.fromTable(gpudb, keep).getColumn("id").hasProperty(ColumnProperty.PRIMARY_KEY));
        assertEquals(Map.of(1L, "first"), namesById(keep));
    }

    @Test
    void tombstonesDeleteByKeyWhenEnabled() {
        String topic = unique("tomb");
        try (TaskHarness h = new TaskHarness(props(topic, "kinetica.tables.delete_on_tombstone", "true"), false)) {
            h.put(List.of(row(h, topic, 1, "a"), row(h, topic, 2, "b"), row(h, topic, 3, "c"),
                    h.record(topic, KEY, new Struct(KEY).put("id", 2L), ROW, null),
                    row(h, topic, 4, "d"),
                    h.record(topic, KEY, new Struct(KEY).put("id", 4L), null, null)));
            h.commit();
        }
        assertEquals(Map.of(1L, "a", 3L, "c"), namesById(topic));

        String kept = unique("tombkept");
        try (TaskHarness h = new TaskHarness(props(kept), false)) {
            h.put(List.of(row(h, kept, 1, "a"), h.record(kept, KEY, new Struct(KEY).put("id", 1L), ROW, null)));
            h.commit();
        }
        assertEquals(Map.of(1L, "a"), namesById(kept));
    }

    @Test
    void schemaEvolutionAltersTheTableOnlyWhenEnabled() throws Exception {
        Schema v2 = SchemaBuilder.struct().name("com.acme.Row")
                .field("id", Schema.INT64_SCHEMA)
                .field("name", Schema.STRING_SCHEMA)
                .field("email", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Schema v3 = SchemaBuilder.struct().name("com.acme.Row").field("id", Schema.INT64_SCHEMA).build();
        String topic = unique("evolve");
        try (TaskHarness h = new TaskHarness(props(topic, "kinetica.schema_evolution.enabled", "true",
                "kinetica.schema_evolution.add_new_fields_as_columns", "true",
                "kinetica.schema_evolution.make_missing_field_nullable", "true"), true)) {
            h.put(List.of(row(h, topic, 1, "a"),
                    h.record(topic, KEY, new Struct(KEY).put("id", 2L), v2,
                            new Struct(v2).put("id", 2L).put("name", "b").put("email", "b@x")),
                    h.record(topic, KEY, new Struct(KEY).put("id", 3L), v3, new Struct(v3).put("id", 3L))));
            h.commit();
            assertEquals(List.of(), h.reported);
        }
        assertEquals(List.of("id", "name", "email"), emu.columnNames(topic));
        assertTrue(Type.fromTable(gpudb, topic).getColumn("name").isNullable());
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        emu.rows(topic).forEach(r -> rows.put((Long) r.get("id"), r));
        assertNull(rows.get(1L).get("email"));
        assertEquals("b@x", rows.get(2L).get("email"));
        assertNull(rows.get(3L).get("name"));

        String fixed = unique("fixed");
        try (TaskHarness h = new TaskHarness(props(fixed), true)) {
            h.put(List.of(row(h, fixed, 1, "a"),
                    h.record(fixed, KEY, new Struct(KEY).put("id", 2L), v2,
                            new Struct(v2).put("id", 2L).put("name", "b").put("email", "b@x")),
                    h.record(fixed, KEY, new Struct(KEY).put("id", 3L), v3, new Struct(v3).put("id", 3L))));
            h.commit();
            assertEquals(1, h.reported.size());
            assertEquals(2, h.reported.get(0).record().kafkaOffset());
            assertTrue(h.reported.get(0).error().getMessage().contains("column 'name'"), h.reported.get(0).error().getMessage());
        }
        assertEquals(List.of("id", "name"), emu.columnNames(fixed));
        assertEquals(Map.of(1L, "a", 2L, "b"), namesById(fixed));
    }

    @Test
    void recordsThatDoNotFitAnExistingTableGoToErrorHandling() throws Exception {
        String table = unique("existing");
        String typeId = new Type(new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("name", Integer.class)).create(gpudb);
        gpudb.createTable(table, typeId, Map.of());
        try (TaskHarness h = new TaskHarness(props(table), true)) {
            h.put(List.of(h.record(table, null, null, ROW, new Struct(ROW).put("id", 1L).put("name", "42")),
                    h.record(table, null, null, ROW, new Struct(ROW).put("id", 2L).put("name", "forty-two"))));
            assertEquals(h.consumed, h.commit());
            assertEquals(1, h.reported.size());
            String message = h.reported.get(0).error().getMessage();
            for (String part : List.of("topic=" + table, "partition=0", "offset=1", "table " + table, "column 'name'")) {
                assertTrue(message.contains(part), part + " in " + message);
            }
        }
        assertEquals(1, emu.rowCount(table));

        try (TaskHarness h = new TaskHarness(props(table), false)) {
            ConnectException e = assertThrows(ConnectException.class, () -> h.put(List.of(
                    h.record(table, null, null, ROW, new Struct(ROW).put("id", 3L).put("name", "x")))));
            assertTrue(e.getMessage().contains("column 'name'") && e.getMessage().contains("offset=0"), e.getMessage());
            assertTrue(e.getMessage().contains("errors.tolerance"), e.getMessage());
        }

    }

    @Test
    void aMissingTableWithCreationOffFailsTheTaskNamingTheSettingAndSendsNothingToErrorHandling() {
        String missing = unique("missing");
        try (TaskHarness h = new TaskHarness(props(missing, "kinetica.create_table", "false"), true)) {
            ConnectException e = assertThrows(ConnectException.class, () -> h.put(List.of(row(h, missing, 1, "a"))));
            assertTrue(e.getMessage().contains("table " + missing + " does not exist")
                    && e.getMessage().contains("kinetica.tables.create_table=true"), e.getMessage());
            assertEquals(List.of(), h.reported);
            assertEquals(Map.of(), h.commit());
        }
        assertFalse(emu.hasTable(missing));
    }

    @Test
    void aTableAlteredBySomeoneElseIsReadAgain() throws Exception {
        String topic = unique("altered");
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.put(List.of(row(h, topic, 1, "a")));
            h.commit();
            gpudb.alterTableColumns(topic, List.of(Map.of("column_name", "extra", "action", "add_column",
                    "column_type", "string", "column_properties", "nullable")), Map.of());
            h.put(List.of(row(h, topic, 2, "b"), row(h, topic, 3, "c")));
            assertEquals(h.consumed, h.commit());
            assertEquals(List.of(), h.reported);
        }
        assertEquals(List.of("id", "name", "extra"), emu.columnNames(topic));
        assertEquals(Map.of(1L, "a", 2L, "b", 3L, "c"), namesById(topic));
    }

    @Test
    void severalTopicsAndTablesInOneTask() {
        String a = unique("multi_a"), b = unique("multi_b");
        try (TaskHarness h = new TaskHarness(props(a + "," + b, "kinetica.batch_size", "7"), false)) {
            List<SinkRecord> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(row(h, i % 2 == 0 ? a : b, i, "n" + i));
            }
            h.put(batch);
            h.commit();
        }
        assertEquals(25, emu.rowCount(a));
        assertEquals(25, emu.rowCount(b));
    }

    /**
     * A trickle never fills a batch: each record asks the worker to wake the task within
     * {@code linger_ms}, and the wake-up (a put of nothing) writes it.
     */
    @Test
    void aTrickleIsWrittenWhenTheWorkerWakesTheTaskWithinTheLingerTime() {
        String topic = unique("trickle");
        try (TaskHarness h = new TaskHarness(props(topic, "kinetica.linger_ms", "250"), false)) {
            for (int i = 0; i < 3; i++) {
                h.put(List.of(row(h, topic, i, "n" + i)));
                assertEquals(i, emu.rowCount(topic), "waits for a batch to fill");
                assertTrue(h.lastTimeout > 0 && h.lastTimeout <= 250, "wake-up asked in " + h.lastTimeout + " ms");
                h.put(List.of());
                assertEquals(i + 1, emu.rowCount(topic));
                assertEquals(h.consumed, h.commit());
            }
        }
    }

    @Test
    void kafkaKeysMakeARedeliveredRecordOverwriteItsOwnRow() throws Exception {
        String topic = unique("kafka_keyed");
        Map<String, String> p = props(topic, "kinetica.tables.primary_key_mode", "kafka", "kinetica.batch_size", "7");
        for (int run = 0; run < 2; run++) { // the second run is a worker that restarts from offset 0
            try (TaskHarness h = new TaskHarness(p, false)) {
                List<SinkRecord> records = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    records.add(h.record(topic, null, null, ROW, new Struct(ROW).put("id", (long) i % 10)
                            .put("name", "n" + i)));
                }
                h.put(records);
                assertEquals(h.consumed, h.commit());
            }
        }
        assertEquals(50, emu.rowCount(topic), "one row per record, however often it was delivered");
        Type type = Type.fromTable(gpudb, topic);
        for (String key : List.of("kafka_topic", "kafka_partition", "kafka_offset")) {
            assertTrue(type.getColumn(key).hasProperty(ColumnProperty.PRIMARY_KEY), key);
        }
        assertFalse(type.getColumn("id").hasProperty(ColumnProperty.PRIMARY_KEY));
        Map<String, Object> row = emu.rows(topic).stream().filter(r -> ((Long) r.get("kafka_offset")) == 42L)
                .findFirst().orElseThrow();
        assertEquals(Map.of("id", 2L, "name", "n42", "kafka_topic", topic, "kafka_partition", 0, "kafka_offset", 42L),
                row);
    }

    @Test
    void kafkaKeysRefuseAnExistingTableWithNeitherTheirColumnsNorAKey() throws Exception {
        String topic = unique("kafka_unkeyed");
        gpudb.createTable(topic, new Type(new Type.Column("id", Long.class), new Type.Column("name", String.class))
                .create(gpudb), Map.of());
        try (TaskHarness h = new TaskHarness(props(topic, "kinetica.tables.primary_key_mode", "kafka"), true)) {
            ConnectException e = assertThrows(ConnectException.class, () -> h.put(List.of(row(h, topic, 1, "a"))));
            assertTrue(e.getMessage().contains("kinetica.tables.primary_key_mode=record")
                    && e.getMessage().contains("kafka_offset"), e.getMessage());
            assertEquals(List.of(), h.reported);
        }
        assertEquals(0, emu.rowCount(topic));
    }

    @Test
    void schemalessIntegersMakeLongColumnsSoALaterLargeValueFits() throws Exception {
        String topic = unique("json_numbers");
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.put(List.of(h.record(topic, null, null, null, "{\"n\": 5, \"small\": 1}"),
                    h.record(topic, null, null, null, "{\"n\": 5000000000, \"small\": 2}"),
                    h.record(topic, null, null, null, Map.of("n", -7, "small", (short) 3))));
            assertEquals(h.consumed, h.commit());
            assertEquals(List.of(), h.reported);
        }
        assertEquals(List.of(5L, 5_000_000_000L, -7L), emu.rows(topic).stream().map(r -> r.get("n")).toList());
        assertEquals(Long.class, Type.fromTable(gpudb, topic).getColumn("n").getType());
    }
}
