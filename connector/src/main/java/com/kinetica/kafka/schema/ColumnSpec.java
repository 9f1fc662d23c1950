package com.kinetica.kafka.schema;

import com.gpudb.Type;
import com.kinetica.kafka.convert.ColumnKind;

/** A column the sink creates or adds; {@code charLength} > 0 makes a string column charN. */
public record ColumnSpec(String name, ColumnKind kind, boolean nullable, boolean primaryKey, int charLength) {

    public ColumnSpec(String name, ColumnKind kind, boolean nullable, boolean primaryKey) {
        this(name, kind, nullable, primaryKey, 0);
    }

    public Type.Column toColumn() {
        return kind.column(name, nullable, primaryKey, charLength);
    }

    @Override
    public String toString() {
        return name + " " + (charLength > 0 ? "char" + charLength : kind.name().toLowerCase())
                + (primaryKey ? " primary key" : nullable ? " nullable" : "");
    }
}
