package com.kinetica.kafka.schema;

import com.gpudb.Type;
import com.kinetica.kafka.convert.ColumnKind;
import com.kinetica.kafka.convert.KindMapping;
import com.kinetica.kafka.convert.SemanticType;
import org.apache.kafka.connect.data.Schema;

/** A column the sink creates or adds; {@code charLength} > 0 makes a string column charN. */
public record ColumnSpec(String name, ColumnKind kind, boolean nullable, boolean primaryKey, int charLength) {

    public ColumnSpec(String name, ColumnKind kind, boolean nullable, boolean primaryKey) {
        this(name, kind, nullable, primaryKey, 0);
    }

    /** The column a new table gets for a field of {@code schema} (an enum becomes charN). */
    public static ColumnSpec forField(String name, Schema schema, boolean nullable, boolean primaryKey) {
        return new ColumnSpec(name, KindMapping.forSchema(schema), nullable, primaryKey, SemanticType.charLength(schema));
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
