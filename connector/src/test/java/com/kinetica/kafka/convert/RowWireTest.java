package com.kinetica.kafka.convert;

import com.gpudb.Avro;
import com.gpudb.ColumnProperty;
import com.gpudb.GenericRecord;
import com.gpudb.Record;
import com.gpudb.Type;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * RowDecoder reads the wire form of rows into the values gpudb-api's own decoding gives, and
 * RowEncoder writes the very bytes gpudb-api's own encoding writes.
 */
class RowWireTest {
    static final Type TYPE = new Type("mixed",
            new Type.Column("i", Integer.class),
            new Type.Column("l", Long.class, ColumnProperty.NULLABLE),
            new Type.Column("f", Float.class, ColumnProperty.NULLABLE),
            new Type.Column("d", Double.class),
            new Type.Column("s", String.class, ColumnProperty.NULLABLE),
            new Type.Column("c", String.class, ColumnProperty.CHAR4),
            new Type.Column("b", ByteBuffer.class, ColumnProperty.NULLABLE));

    @Test
    void decodesEveryAvroKindAndNullAsGpudbApiDoes() throws Exception {
        List<GenericRecord> rows = rows();
        List<ByteBuffer> wire = new ArrayList<>();
        for (GenericRecord row : rows) {
            wire.add(Avro.encode(row));
        }
        List<Record> expected = Avro.decode(TYPE, wire);
        RowDecoder decoder = new RowDecoder(TYPE);
        for (int n = 0; n < rows.size(); n++) {
            Object[] values = decoder.decode(wire.get(n));
            for (int i = 0; i < TYPE.getColumnCount(); i++) {
                assertEquals(expected.get(n).get(i), values[i], "row " + n + ", column " + TYPE.getColumn(i).getName());
            }
        }
    }

    @Test
    void encodesEveryAvroKindAndNullAsGpudbApiDoes() throws Exception {
        List<GenericRecord> rows = rows();
        List<ByteBuffer> encoded = new RowEncoder(TYPE).encode(rows);
        assertEquals(rows.size(), encoded.size());
        for (int n = 0; n < rows.size(); n++) {
            assertEquals(Avro.encode(rows.get(n)), encoded.get(n), "row " + n);
            assertEquals(0, encoded.get(n).position(), "row " + n + " starts at its view's start");
        }
    }

    @Test
    void aNullInAColumnThatIsNotNullableIsRefused() {
        GenericRecord row = rows().get(0);
        row.put("d", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RowEncoder(TYPE).encode(List.of(row)));
        assertEquals("null in column 3, which is not nullable", e.getMessage());
    }

    /** Every Avro kind, once with values (negative, large, non-ASCII) and once with nulls where the column allows. */
    private static List<GenericRecord> rows() {
        List<GenericRecord> rows = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            GenericRecord row = new GenericRecord(TYPE);
            row.put("i", n == 2 ? Integer.MIN_VALUE : -7 + n);
            row.put("l", n == 0 ? (Object) (1L << 40) : n == 2 ? (Object) Long.MIN_VALUE : null);
            row.put("f", n == 0 ? 0.5f : null);
            row.put("d", -1.25 * n);
            row.put("s", n == 0 ? "héllo" : null);
            row.put("c", "ab");
            row.put("b", n == 0 ? ByteBuffer.wrap(new byte[]{9, 8}) : n == 2 ? ByteBuffer.allocate(0) : null);
            rows.add(row);
        }
        return rows;
    }
}
