package com.kinetica.kafka.schema;

import com.gpudb.Type;
import com.kinetica.kafka.convert.ColumnKind;

import java.util.ArrayList;
import java.util.List;

/** A column the sink creates or adds; {@code charLength} > 0 makes a string column charN. */
public record ColumnSpec(String name, ColumnKind kind, boolean nullable, boolean primaryKey, int charLength) {

    public ColumnSpec(String name, ColumnKind kind, boolean nullable, boolean primaryKey) {
        this(name, kind, nullable, primaryKey, 0);
    }

    public Type.Column toColumn() {
        Type.Column column = kind.column(name, nullable, primaryKey);
        if (charLength <= 0) {
            return column;
        }
        List<String> props = new ArrayList<>(column.getProperties());
        props.add("char" + charLength);
        return new Type.Column(name, column.getType(), props);
    }

    @Override
    public String toString() {
        return name + " " + (charLength > 0 ? "char" + charLength : kind.name().toLowerCase())
                + (primaryKey ? " primary key" : nullable ? " nullable" : "");
    }
}
