package com.kinetica.kafka.sink;

import com.gpudb.GenericRecord;
import com.gpudb.Type;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's change events reduced to the last one per key before they are written. An upsert
 * replaces the whole row and a delete removes it, so the last change of a key alone decides what
 * the table holds: in a stretch of upserts and deletes (plain rows and truncates, whose order
 * matters, bound it), each key keeps its last write, and the deletes go first, then the upserts,
 * each kind in one call. Kinetica is never asked to apply two changes of one key in one call.
 * A record whose write is dropped is as good as written once its key's last write is, which is
 * still held: commits stay behind it.
 */
final class ChangeReduction {
    private static final List<Write.Kind> DELETES_FIRST = List.of(Write.Kind.DELETE, Write.Kind.UPSERT);
    private ChangeReduction() {
    }

    /** The writes reduced; {@code writes} itself when there is nothing to reduce. */
    static List<Write> reduce(List<Write> writes, List<Type.Column> keyColumns) {
        if (keyColumns.isEmpty() || writes.stream().noneMatch(ChangeReduction::isChange)) {
            return writes;
        }
        List<Write> reduced = new ArrayList<>(writes.size());
        Map<Object, Write> lastByKey = new LinkedHashMap<>();
        for (Write w : writes) {
            Object key = isChange(w) ? keyOf(w, keyColumns) : null;
            if (key == null) {
                drain(lastByKey, reduced);
                reduced.add(w);
            } else {
                lastByKey.remove(key); // in the order of each key's last change
                lastByKey.put(key, w);
            }
        }
        drain(lastByKey, reduced);
        return reduced;
    }

    private static boolean isChange(Write w) {
        return w.kind() == Write.Kind.UPSERT || w.kind() == Write.Kind.DELETE;
    }

    private static void drain(Map<Object, Write> lastByKey, List<Write> into) {
        for (Write.Kind kind : DELETES_FIRST) {
            for (Write w : lastByKey.values()) {
                if (w.kind() == kind) {
                    into.add(w);
                }
            }
        }
        lastByKey.clear();
    }

    /**
     * The key a write changes: its key columns' values, whole numbers as longs and booleans as
     * Kinetica's 1 and 0, so a row and a delete of one key compare equal; null when a value is
     * missing or is none of those (the write is then left where it is).
     */
    private static Object keyOf(Write w, List<Type.Column> keyColumns) {
        Object[] values;
        if (w instanceof Write.Delete d) {
            try {
                values = DeleteExpressions.keyValues(keyColumns, d.key());
            } catch (DataException e) {
                return null;
            }
        } else {
            GenericRecord row = ((Write.Row) w).row();
            values = new Object[keyColumns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(keyColumns.get(i).getName());
            }
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = comparable(values[i]);
            if (values[i] == null) {
                return null;
            }
        }
        return values.length == 1 ? values[0] : Arrays.asList(values);
    }

    private static Object comparable(Object value) {
        if (value instanceof Long || value instanceof String) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return null;
    }
}
