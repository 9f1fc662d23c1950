package com.kinetica.kafka.convert;

import com.gpudb.GenericRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Converts schemaless maps (any Map implementation) into rows of one table, by key name. */
public final class MapRows {
    private final TableLayout layout;

    public MapRows(TableLayout layout) {
        this.layout = layout;
    }

    public TableLayout layout() {
        return layout;
    }

    public GenericRecord convert(Map<?, ?> map) {
        GenericRecord row = layout.newRecord();
        for (int i = 0; i < layout.size(); i++) {
            if (!layout.filledBySink(i)) {
                layout.put(row, i, map.get(layout.name(i)));
            }
        }
        return row;
    }

    /** Columns that are not nullable and that the map has no key for: converting it would fail. */
    public List<String> missingRequired(Map<?, ?> map) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            if (!layout.nullable(i) && !layout.filledBySink(i) && !map.containsKey(layout.name(i))) {
                missing.add(layout.name(i));
            }
        }
        return missing;
    }

    /**
     * Keys the table has no column for. Cheap when there are none: the count of known keys
     * present is compared with the map's size first.
     */
    public List<String> unknownKeys(Map<?, ?> map) {
        int known = 0;
        for (int i = 0; i < layout.size(); i++) {
            if (map.containsKey(layout.name(i))) {
                known++;
            }
        }
        if (known == map.size()) {
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (layout.indexOf(String.valueOf(key)) < 0) {
                unknown.add(String.valueOf(key));
            }
        }
        return unknown;
    }
}
