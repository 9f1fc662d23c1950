package com.kinetica.kafka.cdc;

import com.kinetica.kafka.convert.RecordValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.Map;

/**
 * Reads the change event a record's value is, in the formats the sink applies: Debezium's
 * envelope, Debezium's rows after ExtractNewRecordState, Oracle GoldenGate's operations.
 */
public final class ChangeEvents {
    private final DebeziumRows debeziumRows = new DebeziumRows();

    /**
     * The change event {@code v} is, or null when it is none.
     *
     * @throws DataException when it is one that cannot be applied (an unknown op, an upsert
     *                       without its row)
     */
    public ChangeEvent read(RecordValue v) {
        ChangeEvent event = DebeziumEnvelopes.read(v);
        if (event == null) {
            event = GoldenGateOps.read(v);
        }
        return event != null ? event : debeziumRows.read(v);
    }

    /** The row in {@code field} of an event, which must be there. */
    static RecordValue row(Object event, String field, String what) {
        Object row = Rows.get(event, field);
        if (row instanceof Struct s) {
            return new RecordValue(s.schema(), s);
        }
        if (row instanceof Map<?, ?>) {
            return new RecordValue(null, row);
        }
        throw new DataException("the " + what + " has " + (row == null ? "no '" + field + "' row"
                : "a " + row.getClass().getSimpleName() + " as '" + field + "', not a row"));
    }
}
