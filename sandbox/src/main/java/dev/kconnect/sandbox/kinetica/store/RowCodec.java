package dev.kconnect.sandbox.kinetica.store;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads and writes rows (one Object[] per record) in the Avro binary form of a table type,
 * field by field, without building Avro records: this is the hot path of /insert/records.
 */
public final class RowCodec {
    private final Column[] columns;
    /** Union branch index of null for nullable columns ({@code ["T","null"]} puts it at 1). */
    private static final int NULL_BRANCH = 1;

    RowCodec(List<Column> columns) {
        this.columns = columns.toArray(Column[]::new);
    }

    /** Decodes one record; the reuse decoder may be null. */
    public Object[] decode(ByteBuffer record, BinaryDecoder[] reuse) {
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(record.array(),
                record.arrayOffset() + record.position(), record.remaining(), reuse[0]);
        reuse[0] = in;
        Object[] row = new Object[columns.length];
        try {
            for (int i = 0; i < columns.length; i++) {
                Column column = columns[i];
                if (column.nullable() && in.readIndex() == NULL_BRANCH) {
                    continue;
                }
                row[i] = read(in, column.type());
            }
            if (!in.isEnd()) {
                throw new KineticaError("Record does not match the table's type: "
                        + "bytes left after the last column");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KineticaError error) {
                throw error;
            }
            throw new KineticaError("Record does not match the table's type: " + e);
        }
        return row;
    }

    private static Object read(BinaryDecoder in, BaseType type) throws IOException {
        return switch (type) {
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> in.readString();
            case BYTES -> in.readBytes(null);
        };
    }

    public ByteBuffer encode(Object[] row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * columns.length);
        BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            for (int i = 0; i < columns.length; i++) {
                Column column = columns[i];
                Object value = row[i];
                if (column.nullable()) {
                    out.writeIndex(value == null ? NULL_BRANCH : 0);
                    if (value == null) {
                        continue;
                    }
                }
                write(out, column.type(), value);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private static void write(BinaryEncoder out, BaseType type, Object value) throws IOException {
        switch (type) {
            case INT -> out.writeInt((Integer) value);
            case LONG -> out.writeLong((Long) value);
            case FLOAT -> out.writeFloat((Float) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case STRING -> out.writeString((String) value);
            case BYTES -> out.writeBytes(((ByteBuffer) value).duplicate());
        }
    }
}
