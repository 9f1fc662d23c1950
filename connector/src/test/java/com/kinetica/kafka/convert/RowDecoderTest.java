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

/** RowDecoder reads the wire form of rows into the values gpudb-api's own decoding gives. */
class RowDecoderTest {
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
        List<GenericRecord> rows = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            GenericRecord row = new GenericRecord(TYPE);
            row.put("i", -7 + n);
            row.put("l", n == 0 ? 1L << 40 : null);
            row.put("f", n == 0 ? 0.5f : null);
            row.put("d", -1.25 * n);
            row.put("s", n == 0 ? "héllo" : null);
            row.put("c", "ab");
            row.put("b", n == 0 ? ByteBuffer.wrap(new byte[]{9, 8}) : null);
            rows.add(row);
        }
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
}
