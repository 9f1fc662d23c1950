package com.kinetica.kafka.schema;

import com.gpudb.Type;
import com.kinetica.kafka.convert.ColumnKind;

/** A column the sink creates or adds. */
public record ColumnSpec(String name, ColumnKind kind, boolean nullable, boolean primaryKey) {

    public Type.Column toColumn() {
        return kind.column(name, nullable, primaryKey);
    }

    @Override
    public String toString() {
        return name + " " + kind.name().toLowerCase() + (primaryKey ? " primary key" : nullable ? " nullable" : "");
    }
}
