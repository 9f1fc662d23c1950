package com.kinetica.kafka.convert;

import com.gpudb.GenericRecord;
import com.gpudb.Type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's columns in the order of its type, with what converting a value into each needs.
 * Columns the sink fills itself (the Kafka coordinates of a record) are not taken from values.
 */
public final class TableLayout {
    private final Type type;
    private final String[] names;
    private final ColumnKind[] kinds;
    /** The kinds' rules, called directly per value (one pointer less to chase than through {@link ColumnKind}). */
    private final Kind[] rules;
    private final boolean[] nullable;
    private final int[] maxLength;
    private final boolean[] filledBySink;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private TableLayout(Type type, Set<String> sinkColumns) {
        this.type = type;
        List<Type.Column> columns = type.getColumns();
        int n = columns.size();
        names = new String[n];
        kinds = new ColumnKind[n];
        rules = new Kind[n];
        nullable = new boolean[n];
        maxLength = new int[n];
        filledBySink = new boolean[n];
        for (int i = 0; i < n; i++) {
            Type.Column c = columns.get(i);
            names[i] = c.getName();
            kinds[i] = ColumnKind.of(c);
            rules[i] = kinds[i].rules();
            nullable[i] = c.isNullable();
            maxLength[i] = rules[i].maxLength(c);
            filledBySink[i] = sinkColumns.contains(c.getName());
            indexByName.put(c.getName(), i);
        }
    }

    public static TableLayout of(Type type) {
        return new TableLayout(type, Set.of());
    }

    /** A layout whose columns named in {@code sinkColumns} are filled by the sink, not from values. */
    public static TableLayout of(Type type, Set<String> sinkColumns) {
        return new TableLayout(type, sinkColumns);
    }

    public Type type() {
        return type;
    }

    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public ColumnKind kind(int i) {
        return kinds[i];
    }

    public boolean nullable(int i) {
        return nullable[i];
    }

    /** Whether the sink fills column {@code i} itself: values have no say in it. */
    public boolean filledBySink(int i) {
        return filledBySink[i];
    }

    /** Column index of {@code name}, or -1. */
    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    public GenericRecord newRecord() {
        return new GenericRecord(type);
    }

    /**
     * Puts one value into column {@code i} of {@code record}: null checks, conversion and the
     * length of charN columns, failing with the column's name.
     */
    public void put(GenericRecord record, int i, Object value) {
        if (value == null) {
            if (!nullable[i]) {
                throw new ColumnException(names[i], "null value for a column that is not nullable");
            }
            record.put(i, null);
            return;
        }
        Object converted;
        try {
            converted = rules[i].toKinetica(value);
        } catch (IllegalArgumentException e) {
            throw new ColumnException(names[i], e.getMessage() + " (column type " + kinds[i].name().toLowerCase() + ")");
        }
        if (maxLength[i] > 0 && ((String) converted).length() > maxLength[i]) {
            throw new ColumnException(names[i], "text of " + ((String) converted).length()
                    + " characters is longer than the column's char" + maxLength[i]);
        }
        record.put(i, converted);
    }
}
