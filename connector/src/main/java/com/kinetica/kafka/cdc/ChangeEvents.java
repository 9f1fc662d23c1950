package com.kinetica.kafka.cdc;

import com.kinetica.kafka.cdc.ChangeEvent.Format;
import com.kinetica.kafka.convert.RecordValue;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the change event a record's value is, in the formats the sink applies: Debezium's
 * envelope, Debezium's rows after ExtractNewRecordState, Oracle GoldenGate's operations.
 */
public final class ChangeEvents {
    /** Converters keep few schemas, each one instance: what each is, found once. */
    private static final int SCHEMAS_KEPT = 256;

    private final DebeziumRows debeziumRows = new DebeziumRows();
    private final Map<Schema, Optional<Format>> formatBySchema = new IdentityHashMap<>();

    /**
     * The change event {@code v} is, or null when it is none.
     *
     * @throws DataException when it is one that cannot be applied (an unknown op, an upsert
     *                       without its row)
     */
    public ChangeEvent read(RecordValue v) {
        Format format = v.schema() == null ? formatOf(v.value()) : formatOf(v.schema());
        if (format == null) {
            return null;
        }
        return switch (format) {
            case DEBEZIUM -> DebeziumEnvelopes.read(v.value());
            case GOLDENGATE -> GoldenGateOps.read(v.value());
            case DEBEZIUM_ROW -> debeziumRows.read(v);
        };
    }

    private Format formatOf(Schema schema) {
        Optional<Format> known = formatBySchema.get(schema);
        if (known == null) {
            if (formatBySchema.size() > SCHEMAS_KEPT) {
                formatBySchema.clear();
            }
            known = Optional.ofNullable(formatOf((Object) schema));
            formatBySchema.put(schema, known);
        }
        return known.orElse(null);
    }

    /** The format of values of this shape: a value schema, or a schemaless map. */
    private static Format formatOf(Object shape) {
        if (DebeziumEnvelopes.isOne(shape)) {
            return Format.DEBEZIUM;
        }
        if (GoldenGateOps.isOne(shape)) {
            return Format.GOLDENGATE;
        }
        return DebeziumRows.isOne(shape) ? Format.DEBEZIUM_ROW : null;
    }

    /** The row in {@code field} of an event, which must be there; {@code what} names the event in the error. */
    static RecordValue row(Object event, String field, Supplier<String> what) {
        Object row = Rows.get(event, field);
        if (row instanceof Struct s) {
            return new RecordValue(s.schema(), s);
        }
        if (row instanceof Map<?, ?>) {
            return new RecordValue(null, row);
        }
        throw new DataException("the " + what.get() + " has " + (row == null ? "no '" + field + "' row"
                : "a " + row.getClass().getSimpleName() + " as '" + field + "', not a row"));
    }
}
