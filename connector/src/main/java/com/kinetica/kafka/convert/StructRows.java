package com.kinetica.kafka.convert;

import com.gpudb.GenericRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Converts structs of one Connect schema into rows of one table. Fields are matched to
 * columns by name once, when the plan is made, with how the values of a semantic type are read
 * for their column ({@link SemanticType}); each record is then a walk over arrays.
 */
public final class StructRows {
    private final TableLayout layout;
    private final Field[] fieldOfColumn;
    /** How the values of a column's field are read first, or null. */
    private final UnaryOperator<Object>[] readers;
    private final List<String> missingRequired = new ArrayList<>();
    private final List<Field> extraFields = new ArrayList<>();

    private StructRows(TableLayout layout, Schema schema) {
        this.layout = layout;
        fieldOfColumn = new Field[layout.size()];
        readers = readers(layout.size());
        for (int i = 0; i < layout.size(); i++) {
            if (layout.filledBySink(i)) {
                continue;
            }
            Field f = schema.field(layout.name(i));
            fieldOfColumn[i] = f;
            if (f == null && !layout.nullable(i)) {
                missingRequired.add(layout.name(i));
            } else if (f != null) {
                readers[i] = SemanticType.reader(f.schema(), layout.kind(i));
            }
        }
        for (Field f : schema.fields()) {
            if (layout.indexOf(f.name()) < 0) {
                extraFields.add(f);
            }
        }
    }

    public static StructRows plan(TableLayout layout, Schema schema) {
        return new StructRows(layout, schema);
    }

    /** Non-nullable columns the schema has no field for: every record of it fails. */
    public List<String> missingRequired() {
        return missingRequired;
    }

    /** Fields the table has no column for. */
    public List<Field> extraFields() {
        return extraFields;
    }

    public GenericRecord convert(Struct struct) {
        if (!missingRequired.isEmpty()) {
            throw new ColumnException(missingRequired.get(0), "the record has no field for this column, which is not nullable");
        }
        GenericRecord row = layout.newRecord();
        Field[] fields = fieldOfColumn;
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            if (f != null) {
                Object value = struct.get(f);
                layout.put(row, i, readers[i] == null || value == null ? value : read(i, value));
            } else if (!layout.filledBySink(i)) {
                layout.put(row, i, null);
            }
        }
        return row;
    }

    private Object read(int column, Object value) {
        try {
            return readers[column].apply(value);
        } catch (IllegalArgumentException e) {
            throw new ColumnException(layout.name(column), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Object>[] readers(int n) {
        return (UnaryOperator<Object>[]) new UnaryOperator<?>[n];
    }
}
