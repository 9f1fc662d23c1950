package com.kinetica.kafka.convert;

import com.gpudb.GenericRecord;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented table of Debezium's semantic types (connector/docs/kinetica-sink.md): the column
 * each makes and the value a physical value becomes in it, through a plan of a struct as the sink
 * makes one.
 */
class SemanticTypeTest {
    static Schema named(SchemaBuilder physical, String name) {
        return physical.name(name).version(1).build();
    }

    static final Schema VARIABLE_SCALE = SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal")
            .version(1).field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).build();

    static Struct variableScale(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        return new Struct(VARIABLE_SCALE).put("scale", d.scale()).put("value", d.unscaledValue().toByteArray());
    }

    static Schema decimal(int scale, Integer precision) {
        SchemaBuilder b = Decimal.builder(scale);
        return precision == null ? b.build() : b.parameter("connect.decimal.precision", precision.toString()).build();
    }

    record Row(Schema schema, Object value, ColumnKind kind, Object kinetica) {
    }

    /** The table: the schema of a field, a value of it, the column it makes and what that column gets. */
    static final Row[] TABLE = {
            new Row(named(SchemaBuilder.int32(), "io.debezium.time.Date"), 19_000, ColumnKind.DATE, "2022-01-08"),
            new Row(named(SchemaBuilder.int32(), "io.debezium.time.Time"), 3_723_004, ColumnKind.TIME, "01:02:03.004"),
            new Row(named(SchemaBuilder.int64(), "io.debezium.time.MicroTime"), 45_296_123_456L, ColumnKind.TIME,
                    "12:34:56.123"),
            new Row(named(SchemaBuilder.int64(), "io.debezium.time.NanoTime"), 45_296_123_456_789L, ColumnKind.TIME,
                    "12:34:56.123"),
            new Row(named(SchemaBuilder.string(), "io.debezium.time.ZonedTime"), "10:15:30.123456+01:00",
                    ColumnKind.TIME, "09:15:30.123"),
            new Row(named(SchemaBuilder.int64(), "io.debezium.time.Timestamp"), 1_700_000_000_123L,
                    ColumnKind.TIMESTAMP, 1_700_000_000_123L),
            new Row(named(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp"), 1_700_000_000_123_456L,
                    ColumnKind.TIMESTAMP, 1_700_000_000_123L),
            new Row(named(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp"), -1L, ColumnKind.TIMESTAMP, -1L),
            new Row(named(SchemaBuilder.int64(), "io.debezium.time.NanoTimestamp"), 1_700_000_000_123_456_789L,
                    ColumnKind.TIMESTAMP, 1_700_000_000_123L),
            new Row(named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"),
                    "2023-11-14T23:13:20.123456+01:00", ColumnKind.TIMESTAMP, 1_700_000_000_123L),
            new Row(VARIABLE_SCALE, variableScale("-1234.56789"), ColumnKind.DOUBLE, -1234.56789),
            new Row(decimal(2, 10), new BigDecimal("12.34"), ColumnKind.DECIMAL, "12.34"),
            new Row(decimal(4, 18), new BigDecimal("12345678901234.5678"), ColumnKind.DECIMAL, "12345678901234.5678"),
            new Row(decimal(2, null), new BigDecimal("12.34"), ColumnKind.DECIMAL, "12.34"),
            new Row(decimal(6, 10), new BigDecimal("1234.567891"), ColumnKind.DOUBLE, 1234.567891),
            new Row(decimal(2, 20), new BigDecimal("123456789012345678.91"), ColumnKind.DOUBLE, 1.2345678901234568E17),
            new Row(named(SchemaBuilder.string(), "io.debezium.data.Json"), "{\"a\": [1]}", ColumnKind.STRING,
                    "{\"a\": [1]}"),
            new Row(named(SchemaBuilder.string(), "io.debezium.data.Uuid"), "0f8fad5b-d9cb-469f-a165-70867728950e",
                    ColumnKind.UUID, "0f8fad5b-d9cb-469f-a165-70867728950e"),
            new Row(SchemaBuilder.string().name("io.debezium.data.Enum").parameter("allowed", "S,M,XL").build(), "XL",
                    ColumnKind.STRING, "XL"),
            // a known name on another physical type is not the semantic type: the physical value goes
            new Row(named(SchemaBuilder.string(), "io.debezium.time.MicroTimestamp"), "17", ColumnKind.STRING, "17"),
    };

    @Test
    void eachTypeMakesItsColumnAndLandsWithItsValue() {
        SchemaBuilder builder = SchemaBuilder.struct();
        for (int i = 0; i < TABLE.length; i++) {
            builder.field("f" + i, TABLE[i].schema());
        }
        Schema schema = builder.build();
        Struct struct = new Struct(schema);
        Type.Column[] columns = new Type.Column[TABLE.length];
        for (int i = 0; i < TABLE.length; i++) {
            assertEquals(TABLE[i].kind(), KindMapping.forSchema(TABLE[i].schema()), "field f" + i);
            columns[i] = TABLE[i].kind().column("f" + i, false, false);
            struct.put("f" + i, TABLE[i].value());
        }
        GenericRecord row = StructRows.plan(TableLayout.of(new Type("t", columns)), schema).convert(struct);
        for (int i = 0; i < TABLE.length; i++) {
            assertEquals(TABLE[i].kinetica(), row.get(i), "field f" + i + " " + TABLE[i].schema().name());
        }
    }

    @Test
    void timesGoIntoEveryTimeKindAndOtherColumnsTakeThePhysicalValue() {
        Schema micros = named(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp");
        Schema schema = SchemaBuilder.struct().field("dt", micros).field("day", micros).field("raw", micros)
                .field("text", named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp")).build();
        Type type = new Type("t", ColumnKind.DATETIME.column("dt", false, false),
                ColumnKind.DATE.column("day", false, false), ColumnKind.LONG.column("raw", false, false),
                ColumnKind.STRING.column("text", false, false));
        Struct value = new Struct(schema).put("dt", 1_700_000_000_123_456L).put("day", 1_700_000_000_123_456L)
                .put("raw", 1_700_000_000_123_456L).put("text", "2023-11-14T23:13:20+01:00");
        GenericRecord row = StructRows.plan(TableLayout.of(type), schema).convert(value);
        assertEquals("2023-11-14 22:13:20.123", row.get(0));
        assertEquals("2023-11-14", row.get(1));
        assertEquals(1_700_000_000_123_456L, row.get(2), "a long column made before keeps getting microseconds");
        assertEquals("2023-11-14T23:13:20+01:00", row.get(3));
    }

    @Test
    void anUnreadableValueFailsWithItsColumnAndReason() {
        Schema schema = SchemaBuilder.struct().field("at", named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"))
                .build();
        StructRows plan = StructRows.plan(TableLayout.of(new Type("t", ColumnKind.TIMESTAMP.column("at", false, false))),
                schema);
        ColumnException e = assertThrows(ColumnException.class, () -> plan.convert(new Struct(schema).put("at", "noon")));
        assertEquals("column 'at': String value 'noon' is not an ISO-8601 date-time with offset (ZonedTimestamp)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.UUID.convert("not-a-uuid"));
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.TIMESTAMP.convert(1_700_000_000_123_456L),
                "microseconds taken for milliseconds are out of Kinetica's range");
    }

    @Test
    void enumsBecomeTheSmallestCharColumnTheirLongestValueFits() {
        assertEquals(4, SemanticType.charLength(SchemaBuilder.string().name("io.debezium.data.Enum")
                .parameter("allowed", "S,M,XL,XXL").build()));
        assertEquals(1, SemanticType.charLength(SchemaBuilder.string().name("io.debezium.data.Enum")
                .parameter("allowed", "a,b").build()));
        assertEquals(256, SemanticType.charLength(SchemaBuilder.string().name("io.debezium.data.Enum")
                .parameter("allowed", "x," + "y".repeat(129)).build()));
        assertEquals(0, SemanticType.charLength(SchemaBuilder.string().name("io.debezium.data.Enum")
                .parameter("allowed", "x," + "y".repeat(257)).build()), "longer than char256: string");
        assertEquals(0, SemanticType.charLength(SchemaBuilder.string().name("io.debezium.data.Enum").build()));
        assertEquals(0, SemanticType.charLength(Schema.STRING_SCHEMA));
    }

    @Test
    void withoutSchemasVariableScaleDecimalsAndIsoTextAreReadByTheirShape() {
        Map<String, Object> amount = Map.of("scale", 3L,
                "value", Base64.getEncoder().encodeToString(new BigDecimal("-12.345").unscaledValue().toByteArray()));
        assertEquals(ColumnKind.DOUBLE, KindMapping.forValue(amount));
        assertEquals(-12.345, ColumnKind.DOUBLE.convert(amount));
        assertEquals("-12.345", ColumnKind.DECIMAL.convert(amount));
        assertEquals(ColumnKind.STRING, KindMapping.forValue(Map.of("scale", 3L, "value", "x", "more", 1)));
        assertEquals("2023-11-14 22:13:20.123", ColumnKind.DATETIME.convert("2023-11-14T23:13:20.123456+01:00"));
        assertEquals("2023-11-14", ColumnKind.DATE.convert("2023-11-14T23:13:20+01:00"));
        assertEquals("09:15:30.000", ColumnKind.TIME.convert("10:15:30+01:00"));
        assertEquals(1_700_000_000_123L, ColumnKind.TIMESTAMP.convert("2023-11-14T23:13:20.123456+01:00"));
        assertEquals("2023-11-14 22:13:20", ColumnKind.DATETIME.convert("2023-11-14 22:13:20"), "Kinetica's own text");
    }

    @Test
    void onlyTimeKindsReadTimesAndEveryKindReadsVariableScaleDecimals() {
        Schema micros = named(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp");
        for (ColumnKind kind : ColumnKind.values()) {
            boolean time = kind == ColumnKind.DATE || kind == ColumnKind.TIME || kind == ColumnKind.DATETIME
                    || kind == ColumnKind.TIMESTAMP;
            assertEquals(time, SemanticType.reader(micros, kind) != null, kind::name);
            assertTrue(SemanticType.reader(VARIABLE_SCALE, kind) != null, kind::name);
            assertNull(SemanticType.reader(named(SchemaBuilder.string(), "io.debezium.data.Uuid"), kind), kind::name);
        }
        assertEquals(new BigDecimal("-1234.56789"), SemanticType.reader(VARIABLE_SCALE, ColumnKind.STRING)
                .apply(variableScale("-1234.56789")));
    }
}
