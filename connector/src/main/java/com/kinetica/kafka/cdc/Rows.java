package com.kinetica.kafka.cdc;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.util.Map;

/** Field access on a row that is a struct (with a schema) or a map (without); {@link #has} on a schema too. */
final class Rows {
    private Rows() {
    }

    static boolean has(Object row, String field) {
        if (row instanceof Schema s) {
            return s.type() == Schema.Type.STRUCT && s.field(field) != null;
        }
        return row instanceof Struct s ? s.schema().field(field) != null
                : row instanceof Map<?, ?> m && m.containsKey(field);
    }

    /** The field's value, or null when the row does not have it. */
    static Object get(Object row, String field) {
        if (row instanceof Struct s) {
            return s.schema().field(field) == null ? null : s.get(field);
        }
        return row instanceof Map<?, ?> m ? m.get(field) : null;
    }

    static String text(Object row, String field) {
        Object value = get(row, field);
        return value == null ? null : value.toString();
    }
}
