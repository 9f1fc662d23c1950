package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnKindTest {

    @Test
    void everyConnectTypeHasAColumnKind() {
        assertEquals(ColumnKind.INT8, KindMapping.forSchema(Schema.INT8_SCHEMA));
        assertEquals(ColumnKind.INT16, KindMapping.forSchema(Schema.INT16_SCHEMA));
        assertEquals(ColumnKind.INT, KindMapping.forSchema(Schema.INT32_SCHEMA));
        assertEquals(ColumnKind.LONG, KindMapping.forSchema(Schema.INT64_SCHEMA));
        assertEquals(ColumnKind.FLOAT, KindMapping.forSchema(Schema.FLOAT32_SCHEMA));
        assertEquals(ColumnKind.DOUBLE, KindMapping.forSchema(Schema.FLOAT64_SCHEMA));
        assertEquals(ColumnKind.BOOLEAN, KindMapping.forSchema(Schema.BOOLEAN_SCHEMA));
        assertEquals(ColumnKind.STRING, KindMapping.forSchema(Schema.STRING_SCHEMA));
        assertEquals(ColumnKind.BYTES, KindMapping.forSchema(Schema.BYTES_SCHEMA));
        assertEquals(ColumnKind.DATE, KindMapping.forSchema(Date.SCHEMA));
        assertEquals(ColumnKind.TIME, KindMapping.forSchema(Time.SCHEMA));
        assertEquals(ColumnKind.TIMESTAMP, KindMapping.forSchema(Timestamp.SCHEMA));
        assertEquals(ColumnKind.DECIMAL, KindMapping.forSchema(Decimal.schema(2)));
        assertEquals(ColumnKind.STRING, KindMapping.forSchema(SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build()));
        assertEquals(ColumnKind.STRING, KindMapping.forSchema(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build()));
        assertEquals(ColumnKind.STRING, KindMapping.forSchema(SchemaBuilder.array(Schema.INT32_SCHEMA).build()));
    }

    @Test
    void createdColumnsCarryTheirProperties() {
        assertEquals(List.of(ColumnProperty.INT8, ColumnProperty.NULLABLE),
                ColumnKind.INT8.column("a", true, false).getProperties());
        assertEquals(List.of(ColumnProperty.TIMESTAMP, ColumnProperty.PRIMARY_KEY),
                ColumnKind.TIMESTAMP.column("a", true, true).getProperties());
        assertEquals(Integer.class, ColumnKind.BOOLEAN.column("a", false, false).getType());
        assertEquals(String.class, ColumnKind.DECIMAL.column("a", false, false).getType());
        assertEquals(ByteBuffer.class, ColumnKind.BYTES.column("a", false, false).getType());
        for (ColumnKind kind : ColumnKind.values()) {
            Type.Column c = kind.column("c", true, false);
            assertEquals(kind, ColumnKind.of(c), kind.name());
            assertTrue(c.isNullable());
        }
    }

    @Test
    void convertsValuesForEachKind() {
        assertEquals(7, ColumnKind.INT.convert((byte) 7));
        assertEquals(-5, ColumnKind.INT8.convert((byte) -5));
        assertEquals(300, ColumnKind.INT16.convert((short) 300));
        assertEquals(1, ColumnKind.BOOLEAN.convert(true));
        assertEquals(0, ColumnKind.BOOLEAN.convert(false));
        assertEquals(1L << 40, ColumnKind.LONG.convert(1L << 40));
        assertEquals(1.5f, ColumnKind.FLOAT.convert(1.5f));
        assertEquals(2.25, ColumnKind.DOUBLE.convert(2.25));
        assertEquals("x", ColumnKind.STRING.convert("x"));
        assertEquals(ByteBuffer.wrap(new byte[]{1, 2}), ColumnKind.BYTES.convert(new byte[]{1, 2}));
        assertEquals("12.50", ColumnKind.DECIMAL.convert(new BigDecimal("12.50")));
        assertEquals("42", ColumnKind.STRING.convert(42));
    }

    @Test
    void convertsLogicalTypesInUtc() {
        java.util.Date day = Date.toLogical(Date.SCHEMA, 19000); // 2022-01-08
        assertEquals("2022-01-08", ColumnKind.DATE.convert(day));
        java.util.Date time = Time.toLogical(Time.SCHEMA, (13 * 3600 + 5 * 60 + 7) * 1000 + 42);
        assertEquals("13:05:07.042", ColumnKind.TIME.convert(time));
        java.util.Date ts = new java.util.Date(1_700_000_000_123L);
        assertEquals(1_700_000_000_123L, ColumnKind.TIMESTAMP.convert(ts));
        assertEquals("2023-11-14 22:13:20.123", ColumnKind.DATETIME.convert(ts));
        assertEquals(1_700_000_000_123L, ColumnKind.TIMESTAMP.convert("2023-11-14T22:13:20.123Z"));
        assertEquals(1_700_000_000_123L, ColumnKind.TIMESTAMP.convert("2023-11-14 22:13:20.123"));
    }

    @Test
    void nestedValuesBecomeJson() {
        Schema inner = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.OPTIONAL_STRING_SCHEMA).build();
        org.apache.kafka.connect.data.Struct s = new org.apache.kafka.connect.data.Struct(inner).put("a", 1).put("b", "x");
        assertEquals("{\"a\":1,\"b\":\"x\"}", ColumnKind.STRING.convert(s));
        assertEquals("[1,2,3]", ColumnKind.STRING.convert(List.of(1, 2, 3)));
        assertEquals("{\"k\":[true,null]}", ColumnKind.STRING.convert(Map.of("k", java.util.Arrays.asList(true, null))));
    }

    @Test
    void rejectsValuesThatDoNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnKind.INT8.convert(300));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.INT.convert(1L << 40));
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.INT.convert("abc"));
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.LONG.convert(1.5));
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.DOUBLE.convert(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.DECIMAL.convert("1,5"));
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.BOOLEAN.convert("maybe"));
        assertThrows(IllegalArgumentException.class, () -> ColumnKind.TIMESTAMP.convert("yesterday"));
    }

    @Test
    void schemalessValuesPickAKind() {
        assertEquals(ColumnKind.LONG, KindMapping.forValue(5L));
        assertEquals(ColumnKind.LONG, KindMapping.forValue(5), "JSON integers of any size make long columns");
        assertEquals(ColumnKind.LONG, KindMapping.forValue((short) 5));
        assertEquals(ColumnKind.DOUBLE, KindMapping.forValue(5.0));
        assertEquals(ColumnKind.BOOLEAN, KindMapping.forValue(true));
        assertEquals(ColumnKind.STRING, KindMapping.forValue("x"));
        assertEquals(ColumnKind.STRING, KindMapping.forValue(Map.of()));
        assertEquals(ColumnKind.STRING, KindMapping.forValue(null));
        assertEquals(ColumnKind.DECIMAL, KindMapping.forValue(BigDecimal.ONE));
        assertEquals(ColumnKind.BYTES, KindMapping.forValue(new byte[0]));
    }
}
