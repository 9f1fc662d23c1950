package com.kinetica.kafka.convert;

import com.gpudb.Avro;
import com.gpudb.ColumnProperty;
import com.gpudb.Record;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KineticaToConnectTest {
    private static final Type ALL = new Type("all_types",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("i8", Integer.class, ColumnProperty.INT8),
            new Type.Column("i16", Integer.class, ColumnProperty.INT16),
            new Type.Column("i32", Integer.class),
            new Type.Column("flag", Integer.class, ColumnProperty.BOOLEAN),
            new Type.Column("f", Float.class),
            new Type.Column("d", Double.class),
            new Type.Column("s", String.class),
            new Type.Column("c16", String.class, ColumnProperty.CHAR16, ColumnProperty.PRIMARY_KEY),
            new Type.Column("b", ByteBuffer.class),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP),
            new Type.Column("day", String.class, ColumnProperty.DATE),
            new Type.Column("tod", String.class, ColumnProperty.TIME),
            new Type.Column("dt", String.class, ColumnProperty.DATETIME),
            new Type.Column("dec", String.class, ColumnProperty.DECIMAL),
            new Type.Column("dec_ps", String.class, "decimal(10,2)"),
            new Type.Column("ul", String.class, ColumnProperty.ULONG),
            new Type.Column("ip", String.class, ColumnProperty.IPV4),
            new Type.Column("u", String.class, ColumnProperty.UUID),
            new Type.Column("doc", String.class, "json"),
            new Type.Column("opt", Integer.class, ColumnProperty.INT16, ColumnProperty.NULLABLE));

    @Test
    void everyKineticaTypeHasItsConnectType() {
        KineticaRowConverter converter = new KineticaRowConverter(ALL, "kinetica.all_types", 2);
        Schema value = converter.valueSchema();
        assertEquals("kinetica.all_types", value.name());
        assertEquals(2, value.version());
        assertEquals(Schema.Type.INT64, type(value, "id"));
        assertEquals(Schema.Type.INT8, type(value, "i8"));
        assertEquals(Schema.Type.INT16, type(value, "i16"));
        assertEquals(Schema.Type.INT32, type(value, "i32"));
        assertEquals(Schema.Type.BOOLEAN, type(value, "flag"));
        assertEquals(Schema.Type.FLOAT32, type(value, "f"));
        assertEquals(Schema.Type.FLOAT64, type(value, "d"));
        assertEquals(Schema.Type.STRING, type(value, "s"));
        assertEquals(Schema.Type.STRING, type(value, "c16"));
        assertEquals(Schema.Type.BYTES, type(value, "b"));
        assertEquals(Timestamp.LOGICAL_NAME, value.field("ts").schema().name());
        assertEquals(Date.LOGICAL_NAME, value.field("day").schema().name());
        assertEquals(Time.LOGICAL_NAME, value.field("tod").schema().name());
        assertEquals(Timestamp.LOGICAL_NAME, value.field("dt").schema().name());
        assertEquals(Decimal.LOGICAL_NAME, value.field("dec").schema().name());
        assertEquals("4", value.field("dec").schema().parameters().get(Decimal.SCALE_FIELD));
        assertEquals("2", value.field("dec_ps").schema().parameters().get(Decimal.SCALE_FIELD));
        assertEquals("10", value.field("dec_ps").schema().parameters().get("connect.decimal.precision"));
        assertEquals("0", value.field("ul").schema().parameters().get(Decimal.SCALE_FIELD));
        assertEquals(Schema.Type.STRING, type(value, "ip"));
        assertEquals(Schema.Type.STRING, type(value, "u"));
        assertEquals(Schema.Type.STRING, type(value, "doc"));
        assertTrue(value.field("opt").schema().isOptional());
        assertFalse(value.field("i16").schema().isOptional());

        Schema key = converter.keySchema();
        assertEquals("kinetica.all_types.Key", key.name());
        assertEquals(List.of("id", "c16"), key.fields().stream().map(f -> f.name()).toList());
    }

    @Test
    void valuesConvertAsKineticaReturnsThem() throws Exception {
        KineticaRowConverter converter = new KineticaRowConverter(ALL, "kinetica.all_types", null);
        Record row = ALL.newInstance();
        row.put("id", 7L);
        row.put("i8", -5);
        row.put("i16", 300);
        row.put("i32", 70000);
        row.put("flag", 1);
        row.put("f", 1.5f);
        row.put("d", 2.25);
        row.put("s", "text");
        row.put("c16", "key");
        row.put("b", ByteBuffer.wrap(new byte[]{1, 2, 3}));
        row.put("ts", 1_700_000_000_123L);
        row.put("day", "2024-02-29");
        row.put("tod", "13:14:15.678");
        row.put("dt", "2024-02-29 13:14:15.678");
        row.put("dec", "12.5");
        row.put("dec_ps", "-3.14");
        row.put("ul", "18446744073709551615");
        row.put("ip", "10.0.0.1");
        row.put("u", "123e4567-e89b-12d3-a456-426614174000");
        row.put("doc", "{\"a\":1}");
        row.put("opt", null);

        // through the wire form, as the source reads rows
        Struct value = converter.value(new RowDecoder(ALL).decode(Avro.encode(row)));
        value.validate();
        assertEquals(7L, value.get("id"));
        assertEquals((byte) -5, value.get("i8"));
        assertEquals((short) 300, value.get("i16"));
        assertEquals(70000, value.get("i32"));
        assertEquals(true, value.get("flag"));
        assertEquals(1.5f, value.get("f"));
        assertEquals(2.25, value.get("d"));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) value.get("b"));
        assertEquals(new java.util.Date(1_700_000_000_123L), value.get("ts"));
        assertEquals(new java.util.Date(19782L * 86_400_000L), value.get("day"));
        assertEquals(new java.util.Date(((13 * 60 + 14) * 60 + 15) * 1000L + 678), value.get("tod"));
        assertEquals(new java.util.Date(19782L * 86_400_000L + ((13 * 60 + 14) * 60 + 15) * 1000L + 678), value.get("dt"));
        assertEquals(new BigDecimal("12.5000"), value.get("dec"));
        assertEquals(new BigDecimal("-3.14"), value.get("dec_ps"));
        assertEquals(new BigDecimal("18446744073709551615"), value.get("ul"));
        assertEquals("{\"a\":1}", value.get("doc"));
        assertNull(value.get("opt"));

        Struct key = converter.key(value);
        assertEquals(7L, key.get("id"));
        assertEquals("key", key.get("c16"));
    }

    @Test
    void noPrimaryKeyNoKey() {
        Type plain = new Type("plain", new Type.Column("x", Integer.class));
        KineticaRowConverter converter = new KineticaRowConverter(plain, "kinetica.plain", null);
        assertNull(converter.keySchema());
        assertNull(converter.key(converter.value(new Object[]{1})));
    }

    @Test
    void datetimesParseLeniently() {
        assertEquals(86_400_000L, KineticaToConnect.parseDateTime("1970-01-02").getTime());
        assertEquals(86_401_000L, KineticaToConnect.parseDateTime("1970-01-02 00:00:01").getTime());
        assertEquals("2023-11-14 22:13:20.123", KineticaToConnect.formatDateTime(1_700_000_000_123L));
        assertEquals("1969-12-31 23:59:59.999", KineticaToConnect.formatDateTime(-1L));
        assertEquals(3_723_400L, KineticaToConnect.parseTime("01:02:03.4").getTime());
        assertEquals(3_723_004L, KineticaToConnect.parseTime("01:02:03.004567").getTime());
        assertEquals(3_723_000L, KineticaToConnect.parseTime(" 01:02:03 ").getTime());
        assertEquals(86_400_000L + 3_723_004L, KineticaToConnect.parseDateTime("1970-01-02T01:02:03.004").getTime());
        DataException e = assertThrows(DataException.class, () -> KineticaToConnect.parseDate("29/02/2024"));
        assertEquals("Kinetica date '29/02/2024' is not YYYY-MM-DD", e.getMessage());
        assertThrows(DataException.class, () -> KineticaToConnect.parseDate("2023-02-29"));
        assertThrows(DataException.class, () -> KineticaToConnect.parseTime("25:00:00"));
        assertThrows(DataException.class, () -> KineticaToConnect.parseTime("01:02:03."));
        assertThrows(DataException.class, () -> KineticaToConnect.parseTime("01:02:03.12x"));
        assertThrows(DataException.class, () -> KineticaToConnect.parseDateTime("2024-01-01 1:02:03"));
    }

    private static Schema.Type type(Schema struct, String field) {
        return struct.field(field).schema().type();
    }
}
