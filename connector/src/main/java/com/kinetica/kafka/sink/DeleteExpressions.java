package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The /delete/records expression that names the row of a key: a tombstone's, or a change event's. */
final class DeleteExpressions {
    private DeleteExpressions() {
    }

    static List<String> primaryKeyColumns(Type type) {
        List<String> keys = new ArrayList<>();
        for (Type.Column c : type.getColumns()) {
            if (c.hasProperty(ColumnProperty.PRIMARY_KEY)) {
                keys.add(c.getName());
            }
        }
        return keys;
    }

    /**
     * {@code a = 1 and b = 'x'} for the primary key columns, their values taken from a struct or
     * map key by name, or from a plain key when the table has a one-column primary key.
     */
    static String forKey(List<String> keyColumns, Object key) {
        Object[] values = keyValues(keyColumns, key);
        StringBuilder expression = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                expression.append(" and ");
            }
            expression.append(keyColumns.get(i)).append(" = ").append(literal(keyColumns.get(i), values[i]));
        }
        return expression.toString();
    }

    /** The values of the primary key columns in a struct or map key, or a plain key's value. */
    static Object[] keyValues(List<String> keyColumns, Object key) {
        if (keyColumns.isEmpty()) {
            throw new DataException("the table has no primary key, so a delete cannot name a row");
        }
        if (key == null) {
            throw new DataException("the delete has no key");
        }
        Object[] values = new Object[keyColumns.size()];
        for (int i = 0; i < values.length; i++) {
            String column = keyColumns.get(i);
            if (key instanceof Struct s) {
                if (s.schema().field(column) == null) {
                    throw new DataException("the key has no field '" + column + "' of the primary key");
                }
                values[i] = s.get(column);
            } else if (key instanceof Map<?, ?> m) {
                if (!m.containsKey(column)) {
                    throw new DataException("the key has no field '" + column + "' of the primary key");
                }
                values[i] = m.get(column);
            } else if (values.length == 1) {
                values[i] = key;
            } else {
                throw new DataException("the key is a single value but the primary key has columns " + keyColumns);
            }
        }
        return values;
    }

    private static String literal(String column, Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        throw new DataException("the key value for '" + column + "' is "
                + (value == null ? "null" : "a " + value.getClass().getSimpleName()) + ", not a number or text");
    }
}
