package com.kinetica.kafka.convert;

import org.apache.kafka.connect.errors.DataException;

/** A value that cannot go into a column; the message names the column and why. */
public final class ColumnException extends DataException {
    private final String column;

    public ColumnException(String column, String reason) {
        super("column '" + column + "': " + reason);
        this.column = column;
    }

    public String column() {
        return column;
    }
}
