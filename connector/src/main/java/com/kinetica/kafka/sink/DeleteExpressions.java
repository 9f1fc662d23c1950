package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import com.kinetica.kafka.convert.ColumnKind;
import com.kinetica.kafka.convert.SemanticType;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The /delete/records expression that names the row of a key: a tombstone's, or a change event's. */
final class DeleteExpressions {
    private DeleteExpressions() {
    }

    static List<Type.Column> primaryKeyColumns(Type type) {
        List<Type.Column> keys = new ArrayList<>();
        for (Type.Column c : type.getColumns()) {
            if (c.hasProperty(ColumnProperty.PRIMARY_KEY)) {
                keys.add(c);
            }
        }
        return keys;
    }

    /**
     * {@code a = 1 and b = 'x'} for the primary key columns, their values taken from a struct or
     * map key by name, or from a plain key when the table has a one-column primary key. A struct
     * field of a semantic type, or a date, is written as its column holds it.
     */
    static String forKey(List<Type.Column> keyColumns, Object key) {
        Object[] values = keyValues(keyColumns, key);
        StringBuilder expression = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String name = keyColumns.get(i).getName();
            if (i > 0) {
                expression.append(" and ");
            }
            expression.append(name).append(" = ").append(literal(name, values[i]));
        }
        return expression.toString();
    }

    /** The values of the primary key columns in a key, as {@link #forKey} reads and converts them. */
    static Object[] keyValues(List<Type.Column> keyColumns, Object key) {
        if (keyColumns.isEmpty()) {
            throw new DataException("the table has no primary key, so a delete cannot name a row");
        }
        if (key == null) {
            throw new DataException("the delete has no key");
        }
        Object[] values = new Object[keyColumns.size()];
        for (int i = 0; i < values.length; i++) {
            Type.Column column = keyColumns.get(i);
            String name = column.getName();
            ColumnKind kind = ColumnKind.of(column);
            Object value;
            if (key instanceof Struct s) {
                if (s.schema().field(name) == null) {
                    throw new DataException("the key has no field '" + name + "' of the primary key");
                }
                value = s.get(name);
                UnaryOperator<Object> reader = SemanticType.reader(s.schema().field(name).schema(), kind);
                value = reader == null || value == null ? value : convert(name, reader, value);
            } else if (key instanceof Map<?, ?> m) {
                if (!m.containsKey(name)) {
                    throw new DataException("the key has no field '" + name + "' of the primary key");
                }
                value = m.get(name);
            } else if (values.length == 1) {
                value = key;
            } else {
                throw new DataException("the key is a single value but the primary key has columns "
                        + keyColumns.stream().map(Type.Column::getName).toList());
            }
            if (value instanceof java.util.Date) {
                value = convert(name, kind::convert, value);
            }
            values[i] = value;
        }
        return values;
    }

    private static Object convert(String column, UnaryOperator<Object> conversion, Object value) {
        try {
            return conversion.apply(value);
        } catch (IllegalArgumentException e) {
            throw new DataException("the key value for '" + column + "': " + e.getMessage());
        }
    }

    private static String literal(String column, Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
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
