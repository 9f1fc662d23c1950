package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.Type;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Connect type, struct and schemaless, into tables the sink creates, through the real client. */
class SinkTaskTypesTest {
    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);
    static final GPUdb gpudb = emu.client();

    static Map<String, String> props(String topics) {
        Map<String, String> p = new HashMap<>();
        p.put("kinetica.url", emu.url());
        p.put("topics", topics);
        p.put("kinetica.tables.single_table_per_topic", "true");
        p.put("kinetica.retry_backoff_ms", "0");
        return p;
    }

    @Test
    void everyConnectTypeGetsItsColumnAndValue() throws Exception {
        Schema nested = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).field("y", Schema.STRING_SCHEMA).build();
        Schema schema = SchemaBuilder.struct().name("com.acme.AllTypes")
                .field("i8", Schema.INT8_SCHEMA)
                .field("i16", Schema.INT16_SCHEMA)
                .field("i32", Schema.INT32_SCHEMA)
                .field("i64", Schema.INT64_SCHEMA)
                .field("f32", Schema.FLOAT32_SCHEMA)
                .field("f64", Schema.FLOAT64_SCHEMA)
                .field("flag", Schema.BOOLEAN_SCHEMA)
                .field("text", Schema.STRING_SCHEMA)
                .field("raw", Schema.BYTES_SCHEMA)
                .field("day", Date.SCHEMA)
                .field("clock", Time.SCHEMA)
                .field("at", Timestamp.SCHEMA)
                .field("price", Decimal.schema(2))
                .field("inner", nested)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
                .field("maybe", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Struct value = new Struct(schema)
                .put("i8", (byte) -8).put("i16", (short) 1600).put("i32", 32).put("i64", 1L << 40)
                .put("f32", 1.5f).put("f64", 2.25).put("flag", true).put("text", "héllo")
                .put("raw", new byte[]{1, 2, 3})
                .put("day", Date.toLogical(Date.SCHEMA, 19000))
                .put("clock", Time.toLogical(Time.SCHEMA, 3_723_004))
                .put("at", new java.util.Date(1_700_000_000_123L))
                .put("price", new BigDecimal("12.34"))
                .put("inner", new Struct(nested).put("x", 1).put("y", "z"))
                .put("tags", List.of("a", "b"))
                .put("attrs", new TreeMap<>(Map.of("k", 1)))
                .put("maybe", null);
        try (TaskHarness h = new TaskHarness(props("types"), false)) {
            h.put(List.of(h.record("types", null, null, schema, value)));
            assertEquals(h.consumed, h.commit());
        }
        Type type = Type.fromTable(gpudb, "types");
        assertTrue(type.getColumn("i8").hasProperty(ColumnProperty.INT8));
        assertTrue(type.getColumn("i16").hasProperty(ColumnProperty.INT16));
        assertEquals(Integer.class, type.getColumn("i32").getType());
        assertEquals(Long.class, type.getColumn("i64").getType());
        assertEquals(Float.class, type.getColumn("f32").getType());
        assertEquals(Double.class, type.getColumn("f64").getType());
        assertTrue(type.getColumn("flag").hasProperty(ColumnProperty.BOOLEAN));
        assertEquals(ByteBuffer.class, type.getColumn("raw").getType());
        assertTrue(type.getColumn("day").hasProperty(ColumnProperty.DATE));
        assertTrue(type.getColumn("clock").hasProperty(ColumnProperty.TIME));
        assertTrue(type.getColumn("at").hasProperty(ColumnProperty.TIMESTAMP));
        assertTrue(type.getColumn("price").hasProperty(ColumnProperty.DECIMAL));
        assertTrue(type.getColumn("maybe").isNullable());
        assertTrue(!type.getColumn("text").isNullable());

        Map<String, Object> row = emu.rows("types").get(0);
        assertEquals(-8, row.get("i8"));
        assertEquals(1600, row.get("i16"));
        assertEquals(32, row.get("i32"));
        assertEquals(1L << 40, row.get("i64"));
        assertEquals(1.5f, row.get("f32"));
        assertEquals(2.25, row.get("f64"));
        assertEquals(1, row.get("flag"));
        assertEquals("héllo", row.get("text"));
        assertEquals(ByteBuffer.wrap(new byte[]{1, 2, 3}), row.get("raw"));
        assertEquals("2022-01-08", row.get("day"));
        assertEquals("01:02:03.004", row.get("clock"));
        assertEquals(1_700_000_000_123L, row.get("at"));
        assertEquals("12.34", new BigDecimal((String) row.get("price")).setScale(2).toPlainString());
        assertEquals("{\"x\":1,\"y\":\"z\"}", row.get("inner"));
        assertEquals("[\"a\",\"b\"]", row.get("tags"));
        assertEquals("{\"k\":1}", row.get("attrs"));
        assertNull(row.get("maybe"));
    }

    @Test
    void schemalessMapsAndJsonTextCreateAndFillATable() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1L);
        first.put("name", "one");
        first.put("score", 1.5);
        first.put("ok", true);
        first.put("nested", Map.of("a", List.of(1, 2)));
        try (TaskHarness h = new TaskHarness(props("loose"), false)) {
            h.put(List.of(
                    h.record("loose", null, null, null, first),
                    h.record("loose", null, null, null, new TreeMap<>(Map.of("id", 2L, "name", "two"))),
                    h.record("loose", null, null, null, "{\"id\": 3, \"name\": \"three\", \"score\": 3.25}")));
            h.commit();
        }
        assertEquals(List.of("id", "name", "score", "ok", "nested"), emu.columnNames("loose"));
        List<Map<String, Object>> rows = emu.rows("loose");
        assertEquals(3, rows.size());
        assertEquals("{\"a\":[1,2]}", rows.get(0).get("nested"));
        assertEquals(1, rows.get(0).get("ok"));
        assertEquals("two", rows.get(1).get("name"));
        assertNull(rows.get(1).get("score"));
        assertEquals(3.25, rows.get(2).get("score"));
    }
}
