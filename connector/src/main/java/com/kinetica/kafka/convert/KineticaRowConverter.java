package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the rows of one Kinetica table type into Connect key and value structs. Built once
 * per type: the per-column mappings are resolved up front so a row costs one pass.
 */
public final class KineticaRowConverter {
    /**
     * Struct's private value array. {@code Struct.put} checks every value against its schema and
     * builds a "field: name" string on each call, even for valid values: ~30% of the source task's
     * CPU (JFR). The column mappings make the classes the schema asks for by construction
     * (KineticaToConnectTest validates a struct of every column type), so values go straight in.
     */
    private static final VarHandle STRUCT_VALUES = structValues();

    private final Schema valueSchema;
    private final Schema keySchema;
    private final KineticaToConnect.ColumnMapping[] columns;
    private final int[] keyColumns;
    private final Field[] valueFields;
    private final Field[] keyFields;

    /**
     * @param schemaName name of the value schema; the key schema is named {@code schemaName + ".Key"}
     *                   when the type has primary key columns. A sink of Kinetica's original connector
     *                   names tables after the value schema's last part, so that part is the table's name.
     * @param version    schema version, or null for none
     */
    public KineticaRowConverter(Type type, String schemaName, Integer version) {
        List<Type.Column> typeColumns = type.getColumns();
        columns = new KineticaToConnect.ColumnMapping[typeColumns.size()];
        SchemaBuilder value = SchemaBuilder.struct().name(schemaName).version(version);
        SchemaBuilder key = SchemaBuilder.struct().name(schemaName + ".Key").version(version);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            Type.Column column = typeColumns.get(i);
            columns[i] = KineticaToConnect.map(column);
            value.field(column.getName(), columns[i].schema());
            if (KineticaToConnect.isPrimaryKey(column)) {
                key.field(column.getName(), columns[i].schema());
                keys.add(i);
            }
        }
        valueSchema = value.build();
        keySchema = keys.isEmpty() ? null : key.build();
        keyColumns = keys.stream().mapToInt(Integer::intValue).toArray();
        valueFields = valueSchema.fields().toArray(new Field[0]);
        keyFields = keySchema == null ? new Field[0] : keySchema.fields().toArray(new Field[0]);
    }

    public Schema valueSchema() {
        return valueSchema;
    }

    /** The key schema, or null when the table has no primary key. */
    public Schema keySchema() {
        return keySchema;
    }

    /** @param row the column values of a row, as {@link RowDecoder} gives them */
    public Struct value(Object[] row) {
        Struct struct = new Struct(valueSchema);
        Object[] values = valuesOf(struct);
        for (int i = 0; i < columns.length; i++) {
            Object value = columns[i].apply(row[i]);
            if (values != null) {
                values[i] = value; // fields are in column order: field i has index i
            } else {
                struct.put(valueFields[i], value);
            }
        }
        return struct;
    }

    /** The primary key columns out of a {@link #value} struct, or null when the table has none. */
    public Struct key(Struct value) {
        if (keySchema == null) {
            return null;
        }
        Struct struct = new Struct(keySchema);
        Object[] values = valuesOf(struct);
        for (int k = 0; k < keyColumns.length; k++) {
            Object column = value.get(valueFields[keyColumns[k]]);
            if (values != null) {
                values[k] = column;
            } else {
                struct.put(keyFields[k], column);
            }
        }
        return struct;
    }

    /** The struct's own value array, or null when it cannot be reached: then {@code put} fills it. */
    private static Object[] valuesOf(Struct struct) {
        return STRUCT_VALUES == null ? null : (Object[]) STRUCT_VALUES.get(struct);
    }

    private static VarHandle structValues() {
        try {
            return MethodHandles.privateLookupIn(Struct.class, MethodHandles.lookup())
                    .findVarHandle(Struct.class, "values", Object[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a Kafka version without the field, or a locked-down JVM: the checked way
        }
    }
}
