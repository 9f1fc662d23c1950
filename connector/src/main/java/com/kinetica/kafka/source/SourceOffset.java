package com.kinetica.kafka.source;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a table has been read up to: the timestamp (epoch ms) and/or incrementing value of
 * the last row sent, either null when the mode does not use it or nothing was read yet. It
 * is the Connect source offset of the table's partition.
 */
public record SourceOffset(Long timestamp, Long incrementing) {
    public static final String PARTITION_KEY = "table";
    static final String TIMESTAMP_KEY = "timestamp";
    static final String INCREMENTING_KEY = "incrementing";

    public static final SourceOffset START = new SourceOffset(null, null);

    /** The source partition of a table: its name, as written in kinetica.table_names. */
    public static Map<String, String> partition(String table) {
        return Map.of(PARTITION_KEY, table);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>(2);
        if (timestamp != null) {
            map.put(TIMESTAMP_KEY, timestamp);
        }
        if (incrementing != null) {
            map.put(INCREMENTING_KEY, incrementing);
        }
        return map;
    }

    /**
     * Reads a stored offset; null or empty means {@link #START}. Numbers may come back as
     * any integral type (the JSON converter stores small ones as ints).
     *
     * @throws IllegalArgumentException when a value is not an integer
     */
    public static SourceOffset fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return START;
        }
        return new SourceOffset(asLong(map, TIMESTAMP_KEY), asLong(map, INCREMENTING_KEY));
    }

    private static Long asLong(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("offset field '" + key + "' must be an integer, not '" + value + "'");
    }
}
