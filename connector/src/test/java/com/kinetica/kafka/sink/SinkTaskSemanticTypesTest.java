package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debezium's semantic types through a real task, the real client and the Kinetica under test (the
 * emulator checks date, time, uuid and decimal text and the timestamp range as Kinetica does):
 * change events written by Connect's JsonConverter with the schemas Debezium gives these types,
 * read back column by column.
 */
@Tag("kinetica")
class SinkTaskSemanticTypesTest {
    @AutoClose
    static final KineticaUnderTest kinetica = KineticaUnderTest.start();

    static final String ID1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String ID2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    static Schema named(SchemaBuilder physical, String name) {
        return physical.name(name).version(1).build();
    }

    static Schema optional(SchemaBuilder physical, String name) {
        return physical.name(name).version(1).optional().build();
    }

    static Schema decimal(int scale, int precision) {
        return Decimal.builder(scale).parameter("connect.decimal.precision", Integer.toString(precision)).build();
    }

    static final Schema VARIABLE_SCALE = SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal")
            .version(1).optional().field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).build();
    static final Schema UUID = named(SchemaBuilder.string(), "io.debezium.data.Uuid");
    static final Schema KEY = SchemaBuilder.struct().name("pg.public.orders.Key").field("id", UUID).build();
    /** A row as Debezium's PostgreSQL connector writes one with time.precision.mode=adaptive (its default). */
    static final Schema ROW = SchemaBuilder.struct().name("pg.public.orders.Value").optional()
            .field("id", UUID)
            .field("day", named(SchemaBuilder.int32(), "io.debezium.time.Date"))
            .field("t_ms", named(SchemaBuilder.int32(), "io.debezium.time.Time"))
            .field("t_micro", named(SchemaBuilder.int64(), "io.debezium.time.MicroTime"))
            .field("t_nano", named(SchemaBuilder.int64(), "io.debezium.time.NanoTime"))
            .field("t_zoned", named(SchemaBuilder.string(), "io.debezium.time.ZonedTime"))
            .field("ts_ms", named(SchemaBuilder.int64(), "io.debezium.time.Timestamp"))
            .field("ts_micro", optional(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp"))
            .field("ts_nano", named(SchemaBuilder.int64(), "io.debezium.time.NanoTimestamp"))
            .field("ts_zoned", named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"))
            .field("amount", VARIABLE_SCALE)
            .field("price", decimal(2, 10))
            .field("wide", decimal(2, 20))
            .field("fine", decimal(6, 10))
            .field("doc", named(SchemaBuilder.string(), "io.debezium.data.Json"))
            .field("size", SchemaBuilder.string().name("io.debezium.data.Enum").version(1)
                    .parameter("allowed", "S,M,XL,XXL").build())
            .build();
    static final Schema ENVELOPE = DebeziumStream.envelopeOf("pg.public.orders", ROW);

    static Struct amount(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        return new Struct(VARIABLE_SCALE).put("scale", d.scale()).put("value", d.unscaledValue().toByteArray());
    }

    /** A row of the given id whose values all derive from {@code n}. */
    static Struct row(String id, int n) {
        return new Struct(ROW).put("id", id)
                .put("day", 19_000 + n)
                .put("t_ms", 3_723_004 + n)
                .put("t_micro", 45_296_123_456L + n)
                .put("t_nano", 45_296_123_456_789L + n)
                .put("t_zoned", "10:15:30.12345" + n + "+01:00")
                .put("ts_ms", 1_700_000_000_123L + n)
                .put("ts_micro", 1_700_000_000_123_456L + n * 1_000L)
                .put("ts_nano", 1_700_000_000_123_456_789L + n)
                .put("ts_zoned", "2023-11-14T23:13:2" + n + ".123456+01:00")
                .put("amount", amount("-1234.56789" + n))
                .put("price", new BigDecimal("12.3" + n))
                .put("wide", new BigDecimal("123456789012345678.9" + n))
                .put("fine", new BigDecimal("1234.56789" + n))
                .put("doc", "{\"n\": " + n + "}")
                .put("size", n == 0 ? "S" : "XXL");
    }

    static Map<String, String> props(String topic) {
        Map<String, String> p = new HashMap<>(kinetica.connection());
        p.put("kinetica.tables.schema_name", kinetica.schema());
        p.put("topics", topic);
        p.put("kinetica.retry_backoff_ms", "0");
        return p;
    }

    static SinkRecord event(DebeziumStream.Converters c, String topic, String op, String id, Struct before, Struct after,
                            long offset) {
        return c.record(topic, new Struct(KEY).put("id", id), DebeziumStream.envelope(ENVELOPE, op, before, after), offset);
    }

    static Map<String, Object> rowOf(String table, String id) {
        for (Map<String, Object> r : kinetica.rows(table)) {
            if (id.equals(r.get("id"))) {
                return r;
            }
        }
        throw new AssertionError("no row " + id + " in " + kinetica.rows(table));
    }

    @Test
    void eachSemanticTypeMakesItsColumnAndLandsWithItsValue() throws Exception {
        String topic = "pg.public.orders1";
        String table = "pg_public_orders1";
        DebeziumStream.Converters c = new DebeziumStream.Converters(true);
        Struct second = row(ID2, 0).put("ts_micro", null).put("amount", null);
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.putAndWrite(List.of(
                    event(c, topic, "c", ID1, null, row(ID1, 0), 0),
                    event(c, topic, "r", ID2, null, second, 1),
                    event(c, topic, "u", ID1, row(ID1, 0), row(ID1, 7), 2)));
            assertEquals(List.of(), h.reported);
            assertEquals(h.consumed, h.commit());
        }

        Type type = kinetica.type(table);
        // sets: the order of a column's properties is the server's
        Map<String, Set<String>> expectedProperties = new LinkedHashMap<>();
        expectedProperties.put("id", Set.of(ColumnProperty.UUID, ColumnProperty.PRIMARY_KEY));
        expectedProperties.put("day", Set.of(ColumnProperty.DATE));
        for (String time : List.of("t_ms", "t_micro", "t_nano", "t_zoned")) {
            expectedProperties.put(time, Set.of(ColumnProperty.TIME));
        }
        expectedProperties.put("ts_ms", Set.of(ColumnProperty.TIMESTAMP));
        expectedProperties.put("ts_micro", Set.of(ColumnProperty.TIMESTAMP, ColumnProperty.NULLABLE));
        expectedProperties.put("ts_nano", Set.of(ColumnProperty.TIMESTAMP));
        expectedProperties.put("ts_zoned", Set.of(ColumnProperty.TIMESTAMP));
        expectedProperties.put("amount", Set.of(ColumnProperty.NULLABLE));
        expectedProperties.put("price", Set.of(ColumnProperty.DECIMAL));
        expectedProperties.put("wide", Set.of());
        expectedProperties.put("fine", Set.of());
        expectedProperties.put("doc", Set.of());
        expectedProperties.put("size", Set.of(ColumnProperty.CHAR4));
        Map<String, Set<String>> properties = new LinkedHashMap<>();
        for (Type.Column column : type.getColumns()) {
            Set<String> p = new HashSet<>(column.getProperties());
            p.remove(ColumnProperty.DATA);
            properties.put(column.getName(), p);
        }
        assertEquals(expectedProperties, properties);
        assertEquals(Double.class, type.getColumn("amount").getType());
        assertEquals(Double.class, type.getColumn("wide").getType());
        assertEquals(Double.class, type.getColumn("fine").getType());
        assertEquals(String.class, type.getColumn("doc").getType());

        Map<String, Object> updated = rowOf(table, ID1);
        assertEquals(ID1, updated.get("id"));
        assertEquals("2022-01-15", updated.get("day"));
        assertEquals("01:02:03.011", updated.get("t_ms"));
        assertEquals("12:34:56.123", updated.get("t_micro"), "microseconds truncated");
        assertEquals("12:34:56.123", updated.get("t_nano"), "nanoseconds truncated");
        assertEquals("09:15:30.123", updated.get("t_zoned"), "in UTC, truncated");
        assertEquals(1_700_000_000_130L, updated.get("ts_ms"));
        assertEquals(1_700_000_000_130L, updated.get("ts_micro"));
        assertEquals(1_700_000_000_123L, updated.get("ts_nano"));
        assertEquals(1_700_000_007_123L, updated.get("ts_zoned"), "in UTC, microseconds truncated");
        assertEquals(-1234.567897, updated.get("amount"));
        assertEquals("12.37", new BigDecimal((String) updated.get("price")).stripTrailingZeros().toPlainString());
        assertEquals(1.2345678901234568E17, updated.get("wide"));
        assertEquals(1234.567897, updated.get("fine"));
        assertEquals("{\"n\": 7}", updated.get("doc"));
        assertEquals("XXL", updated.get("size"));

        Map<String, Object> snapshot = rowOf(table, ID2);
        assertEquals("2022-01-08", snapshot.get("day"));
        assertEquals(null, snapshot.get("ts_micro"));
        assertEquals(null, snapshot.get("amount"));
        assertEquals("S", snapshot.get("size"));
        assertEquals(2, kinetica.rowCount(table));

        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.putAndWrite(List.of(event(c, topic, "d", ID2, second, null, 3)));
            assertEquals(List.of(), h.reported);
        }
        assertEquals(1, kinetica.rowCount(table), "a delete finds its row by its uuid key");
    }

    /**
     * The types whose values say what they are without a schema (text with an offset, a
     * VariableScaleDecimal's {scale, value}, milliseconds), and a MicroTimestamp, which does not.
     */
    static final Schema SELF_DESCRIBING = SchemaBuilder.struct().name("pg.public.events.Value").optional()
            .field("id", UUID)
            .field("t_ms", named(SchemaBuilder.int32(), "io.debezium.time.Time"))
            .field("t_zoned", named(SchemaBuilder.string(), "io.debezium.time.ZonedTime"))
            .field("ts_ms", named(SchemaBuilder.int64(), "io.debezium.time.Timestamp"))
            .field("ts_zoned", named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"))
            .field("ts_micro", optional(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp"))
            .field("amount", VARIABLE_SCALE)
            .field("doc", named(SchemaBuilder.string(), "io.debezium.data.Json"))
            .field("size", SchemaBuilder.string().name("io.debezium.data.Enum").version(1)
                    .parameter("allowed", "S,M,XL,XXL").build())
            .build();

    static SinkRecord selfDescribing(DebeziumStream.Converters c, String topic, String id, int n, Long micros,
                                     long offset) {
        Struct row = new Struct(SELF_DESCRIBING);
        for (var f : SELF_DESCRIBING.fields()) {
            row.put(f, row(id, n).get(f.name()));
        }
        row.put("ts_micro", micros);
        return c.record(topic, new Struct(KEY).put("id", id),
                DebeziumStream.envelope(DebeziumStream.envelopeOf("pg.public.events", SELF_DESCRIBING), "c", null, row),
                offset);
    }

    @Test
    void withoutSchemasValuesThatSayWhatTheyAreLandInATypedTableAndMicrosecondsStopTheTask() {
        String topic = "pg.public.events";
        String table = "pg_public_events";
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.putAndWrite(List.of(selfDescribing(new DebeziumStream.Converters(true), topic, ID1, 0, null, 0)));
            DebeziumStream.Converters none = new DebeziumStream.Converters(false);
            h.putAndWrite(List.of(selfDescribing(none, topic, ID2, 5, null, 1)));
            // a change event's row the table cannot take stops the task: skipping it would leave the row wrong
            ConnectException e = assertThrows(ConnectException.class, () -> h.putAndWrite(
                    List.of(selfDescribing(none, topic, ID2, 6, 1_700_000_000_123_456L, 2))));
            assertTrue(e.getMessage().contains("column 'ts_micro': timestamp 1700000000123456 is out of Kinetica's "
                    + "range") && e.getMessage().contains("offset=2"), e.getMessage());
            assertEquals(List.of(), h.reported);
        }
        Map<String, Object> row = rowOf(table, ID2);
        assertEquals("01:02:03.009", row.get("t_ms"));
        assertEquals("09:15:30.123", row.get("t_zoned"));
        assertEquals(1_700_000_000_128L, row.get("ts_ms"));
        assertEquals(1_700_000_005_123L, row.get("ts_zoned"));
        assertEquals(null, row.get("ts_micro"));
        assertEquals(-1234.567895, row.get("amount"));
        assertEquals("{\"n\": 5}", row.get("doc"));
        assertEquals("XXL", row.get("size"));
        assertEquals(2, kinetica.rowCount(table));
    }

    @Test
    void withoutSchemasATableIsMadeFromThePhysicalValues() throws Exception {
        String topic = "pg.public.orders3";
        String table = "pg_public_orders3";
        DebeziumStream.Converters none = new DebeziumStream.Converters(false);
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.putAndWrite(List.of(event(none, topic, "c", ID1, null, row(ID1, 1), 0)));
            assertEquals(List.of(), h.reported);
        }
        Type type = kinetica.type(table);
        assertEquals(Long.class, type.getColumn("ts_micro").getType());
        assertEquals(Double.class, type.getColumn("amount").getType(), "a VariableScaleDecimal is known by its shape");
        assertEquals(String.class, type.getColumn("ts_zoned").getType());
        assertTrue(type.getColumn("id").hasProperty(ColumnProperty.PRIMARY_KEY));
        Map<String, Object> row = rowOf(table, ID1);
        assertEquals(1_700_000_000_124_456L, row.get("ts_micro"));
        assertEquals(-1234.567891, row.get("amount"));
        assertEquals("2023-11-14T23:13:21.123456+01:00", row.get("ts_zoned"));
        assertEquals(19_001L, row.get("day"));
    }
}
