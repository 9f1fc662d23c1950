package com.kinetica.kafka.sink;

import com.kinetica.kafka.schema.TableId;

/**
 * A write that did not reach Kinetica, and why, as the writer and the task act on it. The
 * message is Kinetica's (or the client's) one-line reason; {@link #table()} names the table.
 */
public final class WriteFailure extends Exception {
    /** Why; what each means for the records is in {@link Flusher}. */
    public enum Kind {
        /** No answer from Kinetica; passes. */
        UNREACHABLE,
        /** Kinetica answered an error and fails a plain question about the table too: the server's trouble; passes. */
        SERVER,
        /** Kinetica refused the user; does not pass. */
        UNAUTHORIZED,
        /** The table is not there (dropped since, or never created). */
        TABLE_MISSING,
        /** Kinetica refused the batch while the server and the table are fine: a record in it, or the table changed. */
        REFUSED
    }

    private final Kind kind;
    private final TableId table;

    WriteFailure(Kind kind, TableId table, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.table = table;
    }

    public Kind kind() {
        return kind;
    }

    public TableId table() {
        return table;
    }
}
