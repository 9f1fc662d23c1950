package com.kinetica.kafka.convert;

import com.gpudb.Record;
import com.gpudb.Type;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes rows of one table type into the Avro binary Kinetica's /insert/records takes, straight
 * from their column values (the Java values gpudb-api's records hold). gpudb-api's BulkInserter
 * goes through Avro's GenericDatumWriter, which resolves each nullable column's union per value
 * and copies every row out of a stream of its own; here one switch per column writes a whole
 * batch into one buffer, and each row is a view of it. The twin of {@link RowDecoder}.
 */
public final class RowEncoder {
    private final WireColumns.AvroType[] kinds;
    private final int[] nullBranch;

    public RowEncoder(Type type) {
        WireColumns columns = new WireColumns(type);
        kinds = columns.kinds;
        nullBranch = columns.nullBranch;
    }

    /**
     * The rows, each as Kinetica's wire holds it. Their values must be those of the columns'
     * Java types, as converting for the table makes them; a null in a column that is not
     * nullable is a bug of that conversion, and throws.
     */
    public List<ByteBuffer> encode(List<? extends Record> rows) {
        Buffer out = new Buffer(rows.size() * 16 * kinds.length);
        // buffered: a row reaches the stream in one write, not one per value
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        int[] ends = new int[rows.size()];
        try {
            for (int r = 0; r < ends.length; r++) {
                write(rows.get(r), encoder);
                encoder.flush();
                ends[r] = out.size();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e); // a ByteArrayOutputStream does not throw
        }
        byte[] bytes = out.array();
        List<ByteBuffer> encoded = new ArrayList<>(ends.length);
        int start = 0;
        for (int end : ends) {
            encoded.add(ByteBuffer.wrap(bytes, start, end - start).slice());
            start = end;
        }
        return encoded;
    }

    private void write(Record row, BinaryEncoder encoder) throws IOException {
        for (int i = 0; i < kinds.length; i++) {
            Object value = row.get(i);
            if (nullBranch[i] >= 0) {
                encoder.writeIndex(value == null ? nullBranch[i] : 1 - nullBranch[i]);
                if (value == null) {
                    continue;
                }
            } else if (value == null) {
                throw new IllegalArgumentException("null in column " + i + ", which is not nullable");
            }
            switch (kinds[i]) {
                case INT -> encoder.writeInt((Integer) value);
                case LONG -> encoder.writeLong((Long) value);
                case FLOAT -> encoder.writeFloat((Float) value);
                case DOUBLE -> encoder.writeDouble((Double) value);
                case STRING -> encoder.writeString((String) value);
                case BYTES -> encoder.writeBytes((ByteBuffer) value);
            }
        }
    }

    /** A byte stream whose array is handed out as it is, not copied. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int initialSize) {
            super(initialSize);
        }

        byte[] array() {
            return buf;
        }
    }
}
