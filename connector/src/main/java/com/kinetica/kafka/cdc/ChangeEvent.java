package com.kinetica.kafka.cdc;

import com.kinetica.kafka.convert.RecordValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change to a row (or a whole table) of a source database, read from a record's value by
 * {@link ChangeEvents}.
 *
 * @param format     who wrote it: says what names the row and the table
 * @param op         what it asks of the table
 * @param after      the row after the change, for an upsert; else null
 * @param before     the row before the change, as the source gave it (often only its key); may be null
 * @param origin     what the event says of the table the source database changed: read by {@link #source}
 * @param keyColumns the primary key columns the event names (GoldenGate's {@code primary_keys}); may be empty
 */
public record ChangeEvent(Format format, Op op, RecordValue after, Object before, Object origin,
                          List<String> keyColumns) {
    public enum Format {
        /** Debezium's envelope: the record key names the row. */
        DEBEZIUM,
        /** A row as Debezium's ExtractNewRecordState writes it, marked by {@code __deleted} or {@code __op}. */
        DEBEZIUM_ROW,
        /** Oracle GoldenGate's JSON ({@code op_type}): the row's key columns name it, its {@code table} the table. */
        GOLDENGATE
    }

    public enum Op {
        /** The row of the key becomes after: a create, a snapshot read, an update. */
        UPSERT,
        /** The row of the key goes. */
        DELETE,
        /** Every row of the table goes. */
        TRUNCATE
    }

    /** A table as the source names it; {@code schema} (the database, where there are no schemas) may be null. */
    public record SourceTable(String schema, String table) {
    }

    /** The table the source database changed, when the event says; else null. Read when asked: rarely needed. */
    public SourceTable source() {
        return switch (format) {
            case DEBEZIUM -> DebeziumEnvelopes.sourceTable(origin);
            case DEBEZIUM_ROW -> DebeziumRows.sourceTable(origin);
            case GOLDENGATE -> GoldenGateOps.sourceTable(origin);
        };
    }

    /** Whether the record key names the row; else the row's own key columns do. */
    public boolean keyedByRecord() {
        return format != Format.GOLDENGATE;
    }

    /** Whether {@code row} (a struct or map) has every one of {@code fields}. */
    public static boolean hasFields(Object row, List<String> fields) {
        return fields.stream().allMatch(f -> Rows.has(row, f));
    }

    /**
     * The key columns the event names, with their values in {@code row} (a struct or map), or null
     * when it names none.
     */
    public Map<String, Object> keyOf(Object row) {
        if (keyColumns.isEmpty() || row == null) {
            return null;
        }
        Map<String, Object> key = new LinkedHashMap<>();
        keyColumns.forEach(c -> key.put(c, Rows.get(row, c)));
        return key;
    }
}
