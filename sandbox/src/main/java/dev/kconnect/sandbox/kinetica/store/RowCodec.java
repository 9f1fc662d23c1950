package dev.kconnect.sandbox.kinetica.store;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;

/**
 * Reads and writes rows (one Object[] per record) in the Avro binary form of a table type,
 * field by field, without building Avro records: this is the hot path of /insert/records.
 */
public final class RowCodec {
    private final Column[] columns;
    /** Union branch index of null for nullable columns ({@code ["T","null"]} puts it at 1). */
    private static final int NULL_BRANCH = 1;

    private final boolean[] inKey;
    private final int[] keyOrder;
    private final int[] charLengths;
    /** The checks of columns whose values Kinetica reads further (date, decimal, ...), else null. */
    private final ValueCheck[] checks;

    /** A record checked by {@link #scan}: its primary key (null without one), and whether a charN value may be too long. */
    public record Scan(Object key, boolean mayBeTooLong) {
    }

    RowCodec(List<Column> columns, int[] primaryKey) {
        this.columns = columns.toArray(Column[]::new);
        this.inKey = new boolean[this.columns.length];
        this.keyOrder = new int[this.columns.length];
        for (int k = 0; k < primaryKey.length; k++) {
            inKey[primaryKey[k]] = true;
            keyOrder[primaryKey[k]] = k;
        }
        this.charLengths = columns.stream().mapToInt(Column::charLength).toArray();
        this.checks = columns.stream().map(ValueCheck::of).toArray(ValueCheck[]::new);
    }

    /**
     * Checks that a record of a request matches the type, reading only its key columns and the
     * values Kinetica checks, and skipping the rest: inserts keep the bytes as they came, and
     * make little garbage.
     */
    public Scan scan(ByteBuffer record, BinaryDecoder[] reuse, int keyLength) {
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(record.array(),
                record.arrayOffset() + record.position(), record.remaining(), reuse[0]);
        reuse[0] = in;
        Object[] key = keyLength > 1 ? new Object[keyLength] : null;
        Object single = null;
        boolean mayBeTooLong = false;
        try {
            for (int i = 0; i < columns.length; i++) {
                Column column = columns[i];
                if (column.nullable() && in.readIndex() == NULL_BRANCH) {
                    continue;
                }
                if (inKey[i] || checks[i] != null) {
                    Object value = read(in, column.type());
                    if (checks[i] != null) {
                        checks[i].check(value);
                    }
                    mayBeTooLong |= charLengths[i] > 0 && ((String) value).length() > charLengths[i];
                    if (!inKey[i]) {
                        continue;
                    }
                    if (key == null) {
                        single = value;
                    } else {
                        key[keyOrder[i]] = value;
                    }
                } else if (charLengths[i] > 0) {
                    long bytes = in.readLong();   // UTF-8 bytes: never fewer than characters
                    if (bytes < 0 || bytes > Integer.MAX_VALUE) {
                        throw new KineticaError("Record does not match the table's type: bad string length");
                    }
                    mayBeTooLong |= bytes > charLengths[i];
                    in.skipFixed((int) bytes);
                } else {
                    skip(in, column.type());
                }
            }
            if (!in.isEnd()) {
                throw new KineticaError("Record does not match the table's type: bytes left after the last column");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KineticaError error) {
                throw error;
            }
            throw new KineticaError("Record does not match the table's type: " + e);
        }
        return new Scan(key == null ? single : java.util.Arrays.asList(key), mayBeTooLong);
    }

    private static void skip(BinaryDecoder in, BaseType type) throws IOException {
        switch (type) {
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> in.skipString();
            case BYTES -> in.skipBytes();
        }
    }

    /** Decodes one record; {@code reuse[0]} holds a decoder to reuse, or null. */
    public Object[] decode(ByteBuffer record, BinaryDecoder[] reuse) {
        return decode(record, reuse, null);
    }

    /** Decodes the {@code wanted} columns of one record (all when null); the others stay null. */
    public Object[] decode(ByteBuffer record, BinaryDecoder[] reuse, BitSet wanted) {
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
                if (wanted == null || wanted.get(i)) {
                    row[i] = read(in, column.type());
                } else {
                    skip(in, column.type());
                }
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

    public byte[] encode(Object[] row) {
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
        return bytes.toByteArray();
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
