package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.avro.Schema;

import java.util.List;

/**
 * How the rows of one table type are laid out on Kinetica's wire: an Avro record with one field
 * per column, in column order, each of one of six Avro types, a nullable column being a union of
 * its type and null. Read once per type by {@link RowDecoder} and {@link RowEncoder}.
 */
final class WireColumns {
    /** The Avro types of Kinetica columns, as the wire holds them. */
    enum AvroType { INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    final AvroType[] kinds;
    /** Per column, the union branch that means null; -1 when the column is not nullable. */
    final int[] nullBranch;

    WireColumns(Type type) {
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
}
