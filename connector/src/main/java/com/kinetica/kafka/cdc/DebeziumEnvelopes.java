package com.kinetica.kafka.cdc;

import com.kinetica.kafka.cdc.ChangeEvent.Format;
import com.kinetica.kafka.cdc.ChangeEvent.Op;
import com.kinetica.kafka.cdc.ChangeEvent.SourceTable;
import com.kinetica.kafka.convert.RecordValue;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

import java.util.List;

/**
 * Debezium's envelope: a struct whose schema is named {@code <prefix>.Envelope}, or, without
 * schemas, a map, holding {@code op}, the row {@code before} and {@code after} the change, and
 * {@code source} (where the change was made).
 */
final class DebeziumEnvelopes {
    private static final String ENVELOPE_SUFFIX = ".Envelope";

    private DebeziumEnvelopes() {
    }

    /** Whether values of this shape (a value schema, or a schemaless map) are envelopes. */
    static boolean isOne(Object shape) {
        boolean rows = Rows.has(shape, "before") || Rows.has(shape, "after");
        if (shape instanceof Schema s) {
            return rows && s.name() != null && s.name().endsWith(ENVELOPE_SUFFIX) && s.field("op") != null;
        }
        return rows && Rows.has(shape, "op") && Rows.has(shape, "source");
    }

    /** The event an envelope is. */
    static ChangeEvent read(Object value) {
        String code = Rows.text(value, "op");
        Op op = switch (String.valueOf(code)) {
            case "c", "r", "u" -> Op.UPSERT;
            case "d" -> Op.DELETE;
            case "t" -> Op.TRUNCATE;
            default -> throw new DataException("the change event's op '" + code
                    + "' is not one the sink applies (c, r, u, d, t)");
        };
        RecordValue after = op == Op.UPSERT ? ChangeEvents.row(value, "after", () -> "change event (op '" + code + "')")
                : null;
        return new ChangeEvent(Format.DEBEZIUM, op, after, Rows.get(value, "before"), value, List.of());
    }

    /** {@code source.table} in {@code source.schema}, or {@code source.db} where the database has no schemas. */
    static SourceTable sourceTable(Object envelope) {
        Object source = Rows.get(envelope, "source");
        String table = Rows.text(source, "table");
        if (table == null) {
            return null;
        }
        String schema = Rows.text(source, "schema");
        return new SourceTable(schema != null ? schema : Rows.text(source, "db"), table);
    }
}
