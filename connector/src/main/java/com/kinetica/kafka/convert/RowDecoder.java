package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Decodes the Avro binary rows Kinetica returns for one table type straight into column values,
 * the Java values gpudb-api's records hold (Integer, Long, Float, Double, String, ByteBuffer, or
 * null). gpudb-api's {@code Avro.decode} goes through Avro's GenericDatumReader, whose
 * schema-resolving parser and record objects were ~40% of the source task's CPU (JFR), for a
 * layout that is fixed per type: here one switch per column reads it. Not thread-safe.
 */
public final class RowDecoder {
    private final WireColumns.AvroType[] kinds;
    private final int[] nullBranch;
    private BinaryDecoder decoder;

    public RowDecoder(Type type) {
        WireColumns columns = new WireColumns(type);
        kinds = columns.kinds;
        nullBranch = columns.nullBranch;
    }

    /** The column values of one row, in column order. */
    public Object[] decode(ByteBuffer row) throws IOException {
        decoder = row.hasArray()
                ? DecoderFactory.get().binaryDecoder(row.array(), row.arrayOffset() + row.position(), row.remaining(), decoder)
                : DecoderFactory.get().binaryDecoder(bytes(row), decoder);
        Object[] values = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            if (nullBranch[i] >= 0 && decoder.readIndex() == nullBranch[i]) {
                continue;
            }
            values[i] = switch (kinds[i]) {
                case INT -> decoder.readInt();
                case LONG -> decoder.readLong();
                case FLOAT -> decoder.readFloat();
                case DOUBLE -> decoder.readDouble();
                case STRING -> decoder.readString();
                case BYTES -> decoder.readBytes(null);
            };
        }
        return values;
    }

    /**
     * As {@link #decode}, for rows whose type is not known for sure (a table monitor publishes rows
     * in the table's type of the moment): a row with bytes left over is of another type.
     */
    public Object[] decodeWhole(ByteBuffer row) throws IOException {
        Object[] values = decode(row);
        if (!decoder.isEnd()) {
            throw new IOException("the row has more columns than the table's type");
        }
        return values;
    }

    private static byte[] bytes(ByteBuffer row) {
        byte[] copy = new byte[row.remaining()];
        row.duplicate().get(copy);
        return copy;
    }
}
