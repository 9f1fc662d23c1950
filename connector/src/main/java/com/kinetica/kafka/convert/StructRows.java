package com.kinetica.kafka.convert;

import com.gpudb.GenericRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts structs of one Connect schema into rows of one table. Fields are matched to
 * columns by name once, when the plan is made; each record is then a walk over arrays.
 */
public final class StructRows {
    private final TableLayout layout;
    private final Field[] fieldOfColumn;
    private final List<String> missingRequired = new ArrayList<>();
    private final List<Field> extraFields = new ArrayList<>();

    private StructRows(TableLayout layout, Schema schema) {
        this.layout = layout;
        fieldOfColumn = new Field[layout.size()];
        for (int i = 0; i < layout.size(); i++) {
            if (layout.filledBySink(i)) {
                continue;
            }
            Field f = schema.field(layout.name(i));
            fieldOfColumn[i] = f;
            if (f == null && !layout.nullable(i)) {
                missingRequired.add(layout.name(i));
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
                layout.put(row, i, struct.get(f));
            } else if (!layout.filledBySink(i)) {
                layout.put(row, i, null);
            }
        }
        return row;
    }
}
