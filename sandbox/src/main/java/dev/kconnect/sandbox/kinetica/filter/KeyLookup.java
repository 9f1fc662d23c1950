package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.util.Arrays;
import java.util.Map;

/**
 * Recognizes filters that name one row by its primary key ({@code id = 5}, {@code a = 1 and b = 'x'})
 * and gives that key, so the table can use its index instead of a scan: this is how a sink's
 * deletes by key stay cheap on large tables.
 */
final class KeyLookup {
    private KeyLookup() {
    }

    /** The key, in the form the table indexes it, or null when the equalities are not exactly the primary key. */
    static Object key(TableType type, Map<Integer, Object> equalities) {
        int[] primaryKey = type.primaryKey();
        if (primaryKey.length == 0 || equalities.size() != primaryKey.length) {
            return null;
        }
        Object[] parts = new Object[primaryKey.length];
        for (int i = 0; i < primaryKey.length; i++) {
            Object literal = equalities.get(primaryKey[i]);
            parts[i] = literal == null ? null : asKeyValue(type.columns().get(primaryKey[i]), literal);
            if (parts[i] == null) {
                return null;
            }
        }
        return parts.length == 1 ? parts[0] : Arrays.asList(parts);
    }

    /** The literal as the column stores it, or null when it is not exactly such a value. */
    private static Object asKeyValue(Column column, Object literal) {
        return switch (column.type()) {
            case INT -> literal instanceof Long l && l == l.intValue() ? (Object) l.intValue() : null;
            case LONG -> literal instanceof Long ? literal : null;
            case STRING -> literal instanceof String ? literal : null;
            default -> null;
        };
    }
}
