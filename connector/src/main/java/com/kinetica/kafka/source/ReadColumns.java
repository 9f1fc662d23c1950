package com.kinetica.kafka.source;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import com.kinetica.kafka.config.ReadMode;
import com.kinetica.kafka.convert.ColumnKind;
import com.kinetica.kafka.convert.KineticaToConnect;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.List;

/**
 * The resolved way to read one table: its mode and the columns it filters and sorts on.
 *
 * @param timestamp           timestamp column, null unless the mode uses it
 * @param timestampIsDateTime whether the timestamp column is a datetime string (else epoch ms)
 * @param incrementing        incrementing column, null unless the mode uses it
 */
public record ReadColumns(ReadMode mode, String timestamp, boolean timestampIsDateTime, String incrementing) {

    /** The kind of the timestamp column: how its values are read and written in filters (a long one reads as a timestamp). */
    public ColumnKind timestampKind() {
        return timestampIsDateTime ? ColumnKind.DATETIME : ColumnKind.TIMESTAMP;
    }

    /**
     * Picks the mode and columns of {@code table} from the options and its type.
     *
     * @param incrementingOption configured incrementing column, or null to detect it
     * @param timestampOption    configured timestamp column, or null to detect it
     * @throws ConnectException naming the table, the column and the option to set
     */
    public static ReadColumns resolve(String table, Type type, ReadMode mode,
                                      String incrementingOption, String timestampOption) {
        if (mode == ReadMode.AUTO) {
            mode = autoMode(table, type, incrementingOption, timestampOption);
        }
        String incrementing = null;
        String timestamp = null;
        boolean dateTime = false;
        if (mode.usesIncrementing()) {
            incrementing = incrementingOption != null ? incrementingOption : detectIncrementing(table, type);
            checkIncrementing(table, type, incrementing);
        }
        if (mode.usesTimestamp()) {
            timestamp = timestampOption != null ? timestampOption : detectTimestamp(table, type);
            dateTime = checkTimestamp(table, type, timestamp);
        }
        return new ReadColumns(mode, timestamp, dateTime, incrementing);
    }

    private static ReadMode autoMode(String table, Type type, String incrementingOption, String timestampOption) {
        if (incrementingOption != null && timestampOption != null) {
            return ReadMode.TIMESTAMP_INCREMENTING;
        }
        if (timestampOption != null) {
            return ReadMode.TIMESTAMP;
        }
        if (incrementingOption != null || integerPrimaryKey(type) != null) {
            return ReadMode.INCREMENTING;
        }
        if (timestampColumns(type).size() == 1) {
            return ReadMode.TIMESTAMP;
        }
        throw new ConnectException("Table '" + table + "' has neither a single integer primary key column nor "
                + "exactly one timestamp column, so the source cannot tell which rows are new: set "
                + "kinetica.source.incrementing_column and/or kinetica.source.timestamp_column for it");
    }

    private static String integerPrimaryKey(Type type) {
        List<Type.Column> keys = type.getColumns().stream().filter(KineticaToConnect::isPrimaryKey).toList();
        if (keys.size() == 1 && ColumnKind.of(keys.get(0)).wholeNumber()) {
            return keys.get(0).getName();
        }
        return null;
    }

    private static List<Type.Column> timestampColumns(Type type) {
        return type.getColumns().stream()
                .filter(c -> ColumnKind.of(c).pointInTime())
                .toList();
    }

    private static String detectIncrementing(String table, Type type) {
        String key = integerPrimaryKey(type);
        if (key == null) {
            throw new ConnectException("Table '" + table + "' has no single integer primary key column to read "
                    + "in incrementing order: name the column in kinetica.source.incrementing_column");
        }
        return key;
    }

    private static String detectTimestamp(String table, Type type) {
        List<Type.Column> candidates = timestampColumns(type);
        if (candidates.size() != 1) {
            throw new ConnectException("Table '" + table + "' has " + candidates.size() + " timestamp/datetime "
                    + "columns, not exactly one: name the one to read by in kinetica.source.timestamp_column");
        }
        return candidates.get(0).getName();
    }

    private static void checkIncrementing(String table, Type type, String name) {
        Type.Column column = column(table, type, name, "kinetica.source.incrementing_column");
        if (!ColumnKind.of(column).wholeNumber()) {
            throw new ConnectException("Column '" + name + "' of table '" + table + "' is "
                    + describe(column) + ", not an integer (int8, int16, int, long): it cannot be the "
                    + "incrementing column; fix kinetica.source.incrementing_column");
        }
    }

    private static boolean checkTimestamp(String table, Type type, String name) {
        Type.Column column = column(table, type, name, "kinetica.source.timestamp_column");
        ColumnKind kind = ColumnKind.of(column);
        if (kind.readsAsEpochMillis()) {
            return kind == ColumnKind.DATETIME;
        }
        throw new ConnectException("Column '" + name + "' of table '" + table + "' is " + describe(column)
                + ", not a timestamp (long) or datetime column: it cannot be the timestamp column; "
                + "fix kinetica.source.timestamp_column");
    }

    private static Type.Column column(String table, Type type, String name, String option) {
        Type.Column column = type.getColumn(name);
        if (column == null) {
            throw new ConnectException("Table '" + table + "' has no column '" + name + "' (it has "
                    + type.getColumns().stream().map(Type.Column::getName).toList() + "); fix " + option);
        }
        if (column.isNullable()) {
            throw new ConnectException("Column '" + name + "' of table '" + table + "' is nullable: rows with "
                    + "no value there could never be read in order; use a non-nullable column in " + option);
        }
        return column;
    }

    private static String describe(Type.Column column) {
        List<String> properties = column.getProperties().stream()
                .filter(p -> !p.equals(ColumnProperty.NULLABLE)).toList();
        return column.getType().getSimpleName() + (properties.isEmpty() ? "" : " " + properties);
    }
}
