package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decodes the Avro binary rows Kinetica returns for one table type straight into column values,
 * the Java values gpudb-api's records hold (Integer, Long, Float, Double, String, ByteBuffer, or
 * null). gpudb-api's {@code Avro.decode} goes through Avro's GenericDatumReader, whose
 * schema-resolving parser and record objects were ~40% of the source task's CPU (JFR), for a
 * layout that is fixed per type: here one switch per column reads it. Not thread-safe.
 */
public final class RowDecoder {
    /** The Avro types of Kinetica columns, as the wire holds them. */
    private enum AvroType { INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    private final AvroType[] kinds;
    /** Per column, the union branch that means null; -1 when the column is not nullable. */
    private final int[] nullBranch;
    private BinaryDecoder decoder;

    public RowDecoder(Type type) {
        List<Schema.Field> fields = type.getSchema().getFields();
        kinds = new AvroType[fields.size()];
        nullBranch = new int[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            Schema schema = fields.get(i).schema();
            nullBranch[i] = -1;
            if (schema.getType() == Schema.Type.UNION) {
                List<Schema> branches = schema.getTypes();
                nullBranch[i] = branches.get(0).getType() == Schema.Type.NULL ? 0 : 1;
                schema = branches.get(1 - nullBranch[i]);
            }
            kinds[i] = kind(fields.get(i).name(), schema);
        }
    }

    private static AvroType kind(String column, Schema schema) {
        return switch (schema.getType()) {
            case INT -> AvroType.INT;
            case LONG -> AvroType.LONG;
            case FLOAT -> AvroType.FLOAT;
            case DOUBLE -> AvroType.DOUBLE;
            case STRING -> AvroType.STRING;
            case BYTES -> AvroType.BYTES;
            default -> throw new IllegalArgumentException("column '" + column + "' has the Avro type "
                    + schema.getType() + ", which Kinetica does not use for table columns");
        };
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

    private static byte[] bytes(ByteBuffer row) {
        byte[] copy = new byte[row.remaining()];
        row.duplicate().get(copy);
        return copy;
    }
}
