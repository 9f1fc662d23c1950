package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.Type;
import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Change events in the other formats the sink applies, through a real task and client into the
 * Kinetica under test: Debezium's rows after ExtractNewRecordState, Oracle GoldenGate's operations (as its
 * JSON formatter documents them), the table named by the event's source, and the original
 * connector's rule that a string key names the table.
 */
@Tag("kinetica")
class SinkTaskChangeFormatsTest {
    static final AtomicInteger counter = new AtomicInteger();

    @AutoClose
    static final KineticaUnderTest kinetica = KineticaUnderTest.start();

    static void putInPolls(TaskHarness h, List<SinkRecord> records, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < records.size(); ) {
            int n = Math.min(records.size() - i, 1 + random.nextInt(100));
            h.put(records.subList(i, i + n));
            i += n;
        }
        h.put(List.of());
    }

    /**
     * Records as ExtractNewRecordState hands them with delete handling "rewrite" (and
     * {@code add.fields=op} when {@code withOp}): the row after, or before for a delete, with
     * {@code __deleted} as text, then the tombstone.
     */
    static List<SinkRecord> unwrapped(DebeziumStream s, String topic, boolean schemas, boolean withOp) {
        SchemaBuilder b = SchemaBuilder.struct().name(DebeziumStream.PREFIX + ".Value").optional();
        DebeziumStream.ROW.fields().forEach(f -> b.field(f.name(), f.schema()));
        b.field("__deleted", Schema.OPTIONAL_STRING_SCHEMA);
        if (withOp) {
            b.field("__op", Schema.OPTIONAL_STRING_SCHEMA);
        }
        Schema schema = b.build();
        DebeziumStream.Converters c = new DebeziumStream.Converters(schemas);
        List<SinkRecord> records = new ArrayList<>();
        for (DebeziumStream.Event e : s.events) {
            Struct value = null;
            if (e.op() != null) {
                Struct row = e.op().equals("d") ? e.before() : e.after();
                value = new Struct(schema);
                for (Field f : DebeziumStream.ROW.fields()) {
                    value.put(f.name(), row.get(f));
                }
                value.put("__deleted", String.valueOf(e.op().equals("d")));
                if (withOp) {
                    value.put("__op", e.op());
                }
            }
            records.add(c.record(topic, new Struct(DebeziumStream.KEY).put("id", e.id()), value, records.size()));
        }
        return records;
    }

    @Test
    void rowsAfterExtractNewRecordStateGiveTheTableTheEnvelopesGive() {
        DebeziumStream s = DebeziumStream.generate(29, 300, 150, 60, 120);
        int variant = 0;
        for (boolean schemas : List.of(true, false)) {
            for (boolean withOp : List.of(false, true)) {
                String topic = "unwrapped" + counter.incrementAndGet();
                try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic), false)) {
                    putInPolls(h, unwrapped(s, topic, schemas, withOp), variant++);
                    assertEquals(h.consumed, h.commit());
                }
                assertEquals(s.expectedRows(), DebeziumStream.rowsOf(kinetica, topic), "schemas " + schemas + ", __op " + withOp);
                assertEquals(Set.of("id", "name", "qty", "price", "note"), Set.copyOf(kinetica.columnNames(topic)),
                        "the markers are read, not stored");
            }
        }
        String enveloped = "enveloped" + counter.incrementAndGet();
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, enveloped), false)) {
            putInPolls(h, s.records(enveloped, true), 7);
        }
        assertEquals(DebeziumStream.rowsOf(kinetica, enveloped), s.expectedRows(), "the envelopes give the same table");
    }

    @Test
    void debeziumEventsGoToTheTableTheirSourceNamesWhenAsked() {
        DebeziumStream s = DebeziumStream.generate(5, 40, 20, 10, 30);
        String topic = "sourced" + counter.incrementAndGet();
        // the source's schema is the test's, the configured one the user's default: the table is in the source's
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic, "kinetica.cdc.table_from_source", "true",
                "kinetica.tables.prefix", "cdc_", "kinetica.tables.schema_name", ""), false)) {
            putInPolls(h, s.records(topic, false, kinetica.schema()), 1);
        }
        assertEquals(s.expectedRows(), DebeziumStream.rowsOf(kinetica, kinetica.table("cdc_customers")));
        assertFalse(kinetica.hasTable(topic));
    }

    /** GoldenGate names a table with its schema: the test's. */
    static final String CUSTOMERS = kinetica.table("TCUSTMER");
    static final String ORDERS = kinetica.table("TCUSTORD");

    /** An operation as GoldenGate's JSON formatter writes it ("op" mode, primary keys included). */
    static String goldenGate(String table, String op, String before, String after, String... keys) {
        StringBuilder json = new StringBuilder("{\"table\":\"" + table + "\",\"op_type\":\"" + op
                + "\",\"op_ts\":\"2026-12-07 10:00:00.000000\",\"current_ts\":\"2026-12-07T10:00:01.000000\","
                + "\"pos\":\"00000000000000001234\",\"primary_keys\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(keys[i]).append('"');
        }
        json.append(']');
        if (before != null) {
            json.append(",\"before\":").append(before);
        }
        if (after != null) {
            json.append(",\"after\":").append(after);
        }
        return json.append('}').toString();
    }

    /** The record a sink gets: schemaless JSON, keyed by the table name as GoldenGate's handler is often set to. */
    static SinkRecord record(JsonConverter values, String topic, String json, long offset) {
        SchemaAndValue v = values.toConnectData(topic, json.getBytes(StandardCharsets.UTF_8));
        String key = json.substring(json.indexOf("\"table\":\"") + 9, json.indexOf("\",\"op_type\""));
        return new SinkRecord(topic, 0, null, key, v.schema(), v.value(), offset);
    }

    static String customer(String code, String name, long city) {
        return "{\"CUST_CODE\":\"" + code + "\",\"NAME\":\"" + name + "\",\"CITY_ID\":" + city + "}";
    }

    static String order(long id, String code, double total) {
        return "{\"ORDER_ID\":" + id + ",\"CUST_CODE\":\"" + code + "\",\"TOTAL\":" + total + "}";
    }

    @Test
    void goldenGateOperationsOfManyTablesOnOneTopicEachReachTheirTable() {
        String topic = "ogg" + counter.incrementAndGet();
        List<String> ops = new ArrayList<>(List.of(
                goldenGate(CUSTOMERS, "I", null, customer("WILL", "BG SOFTWARE", 1), "CUST_CODE"),
                goldenGate(CUSTOMERS, "I", null, customer("JANE", "ROCKY FLYER", 2), "CUST_CODE"),
                goldenGate(ORDERS, "I", null, order(1, "WILL", 10.5), "ORDER_ID"),
                goldenGate(ORDERS, "I", null, order(2, "JANE", 20.0), "ORDER_ID"),
                goldenGate(CUSTOMERS, "U", customer("JANE", "ROCKY FLYER", 2), customer("JANE", "ROCKY FLYER INC", 3),
                        "CUST_CODE"),
                // a key change: GoldenGate writes it as one update, its row before under the old key
                goldenGate(CUSTOMERS, "U", customer("WILL", "BG SOFTWARE", 1), customer("BILL", "BG SOFTWARE", 1),
                        "CUST_CODE"),
                goldenGate(ORDERS, "D", order(1, "WILL", 10.5), null, "ORDER_ID"),
                goldenGate(ORDERS, "I", null, order(3, "BILL", 30.25), "ORDER_ID"),
                goldenGate(CUSTOMERS, "D", customer("JANE", "ROCKY FLYER INC", 3), null, "CUST_CODE"),
                goldenGate(CUSTOMERS, "I", null, customer("JANE", "RETURNING", 4), "CUST_CODE")));
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", false), false);
        List<SinkRecord> records = new ArrayList<>();
        ops.forEach(json -> records.add(record(values, topic, json, records.size())));
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic), false)) {
            h.put(records.subList(0, 5));
            h.put(records.subList(5, records.size()));
            h.put(List.of());
            assertEquals(h.consumed, h.commit());
        }
        assertEquals(Map.of("BILL", "BG SOFTWARE", "JANE", "RETURNING"), byKey(CUSTOMERS, "CUST_CODE", "NAME"));
        assertEquals(Map.of(2L, 20.0, 3L, 30.25), byKey(ORDERS, "ORDER_ID", "TOTAL"));
        assertTrue(kinetica.columnNames(CUSTOMERS).containsAll(List.of("CUST_CODE", "NAME", "CITY_ID")));
        assertFalse(kinetica.hasTable(topic), "nothing goes to the topic's table");
    }

    @Test
    void goldenGateWithoutPrimaryKeysDeletesByTheKeyOfAnExistingTable() throws Exception {
        String topic = "ogg_nokeys" + counter.incrementAndGet();
        String table = kinetica.table("T" + counter.incrementAndGet());
        GPUdb gpudb = kinetica.gpudb();
        gpudb.createTable(table, new Type(new Type.Column("CUST_CODE", String.class, ColumnProperty.PRIMARY_KEY,
                ColumnProperty.CHAR16), new Type.Column("NAME", String.class),
                new Type.Column("CITY_ID", Long.class)).create(gpudb), Map.of());
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", false), false);
        List<SinkRecord> records = new ArrayList<>();
        for (String json : List.of(goldenGate(table, "I", null, customer("A", "one", 1)),
                goldenGate(table, "I", null, customer("B", "two", 2)),
                goldenGate(table, "U", customer("A", "one", 1), customer("A", "uno", 1)),
                goldenGate(table, "D", customer("B", "two", 2), null))) {
            records.add(record(values, topic, json, records.size()));
        }
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic), false)) {
            h.putAndWrite(records);
        }
        assertEquals(Map.of("A", "uno"), byKey(table, "CUST_CODE", "NAME"));
    }

    @Test
    void theOriginalsRuleLetsAStringKeyNameTheTableOfAPlainRecord() {
        String topic = "keyed" + counter.incrementAndGet();
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", false), false);
        List<SinkRecord> records = new ArrayList<>();
        for (String key : List.of("CON_RPT.RX_EVENT", "CON_RPT.TX_EVENT", "CON_RPT.RX_EVENT")) {
            SchemaAndValue v = values.toConnectData(topic, ("{\"ID\":" + records.size() + "}").getBytes());
            records.add(new SinkRecord(topic, 0, null, key, v.schema(), v.value(), records.size()));
        }
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic, "kinetica.tables.table_from_string_key", "true",
                "kinetica.tables.prefix", "k_"), false)) {
            h.putAndWrite(records);
        }
        assertEquals(2, kinetica.rowCount("k_RX_EVENT"));
        assertEquals(1, kinetica.rowCount("k_TX_EVENT"));

        String plain = "plain" + counter.incrementAndGet();
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, plain), false)) {
            h.putAndWrite(List.of(new SinkRecord(plain, 0, null, "CON_RPT.RX_EVENT", null, Map.of("ID", 1L), 0)));
        }
        assertEquals(1, kinetica.rowCount(plain), "without the option the topic names the table");
    }

    static Map<Object, Object> byKey(String table, String key, String column) {
        Map<Object, Object> rows = new HashMap<>();
        kinetica.rows(table).forEach(r -> rows.put(r.get(key), r.get(column)));
        return rows;
    }
}
