package com.kinetica.kafka.schema;

import com.kinetica.kafka.convert.KindMapping;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Column lists for new tables, from a value schema or from a schemaless value. */
public final class TableSpecs {
    private TableSpecs() {
    }

    /** One column per field, in field order; optional fields become nullable columns. */
    public static List<ColumnSpec> fromSchema(Schema valueSchema, List<String> primaryKeys) {
        checkKeys(primaryKeys, name -> valueSchema.field(name) != null);
        List<ColumnSpec> columns = new ArrayList<>();
        for (Field f : valueSchema.fields()) {
            boolean pk = primaryKeys.contains(f.name());
            columns.add(ColumnSpec.forField(f.name(), f.schema(), f.schema().isOptional(), pk));
        }
        return columns;
    }

    /**
     * One column per key of the first value; every column but the primary key is nullable,
     * since later maps may lack keys.
     */
    public static List<ColumnSpec> fromMap(Map<?, ?> value, List<String> primaryKeys) {
        checkKeys(primaryKeys, value::containsKey);
        List<ColumnSpec> columns = new ArrayList<>();
        for (Map.Entry<?, ?> e : value.entrySet()) {
            String name = String.valueOf(e.getKey());
            boolean pk = primaryKeys.contains(name);
            columns.add(new ColumnSpec(name, KindMapping.forValue(e.getValue()), !pk, pk));
        }
        return columns;
    }

    private static void checkKeys(List<String> primaryKeys, java.util.function.Predicate<String> present) {
        for (String key : primaryKeys) {
            if (!present.test(key)) {
                throw new DataException("primary key field '" + key + "' is not in the record value");
            }
        }
    }
}
