package com.kinetica.kafka.sink;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.Map;

/**
 * A Debezium change event, read from a record's value: the envelope Debezium's connectors write,
 * a struct whose schema is named {@code <prefix>.Envelope}, or, without schemas, a map, holding
 * {@code op}, the row {@code before} and {@code after} the change, and {@code source}.
 *
 * @param op     what the event asks of the table
 * @param after  the row after the change, for an upsert; else null
 * @param before the row before the change, as the source gave it (often only its key); may be null
 */
record ChangeEvent(Op op, RecordValue after, Object before) {
    enum Op {
        /** {@code c} (create), {@code r} (read in a snapshot), {@code u} (update): the row of the key becomes after. */
        UPSERT,
        /** {@code d}: the row of the key goes. */
        DELETE,
        /** {@code t}: every row of the table goes. */
        TRUNCATE
    }

    private static final String ENVELOPE_SUFFIX = ".Envelope";

    /**
     * The change event a value is, or null when it is not an envelope.
     *
     * @throws DataException when it is an envelope but not one that can be applied (an unknown op,
     *                       an upsert without its row)
     */
    static ChangeEvent of(RecordValue v) {
        if (v.schema() != null) {
            Schema s = v.schema();
            boolean envelope = s.name() != null && s.name().endsWith(ENVELOPE_SUFFIX) && s.field("op") != null
                    && (s.field("before") != null || s.field("after") != null);
            if (!envelope) {
                return null;
            }
            Struct struct = (Struct) v.value();
            Struct after = s.field("after") == null ? null : struct.getStruct("after");
            Object before = s.field("before") == null ? null : struct.get("before");
            return read(struct.get("op"), after == null ? null : new RecordValue(after.schema(), after), before);
        }
        Map<?, ?> map = (Map<?, ?>) v.value();
        boolean envelope = map.containsKey("op") && map.containsKey("source")
                && (map.containsKey("before") || map.containsKey("after"));
        if (!envelope) {
            return null;
        }
        Object after = map.get("after");
        if (after != null && !(after instanceof Map)) {
            throw new DataException("the change event's 'after' is a " + after.getClass().getSimpleName()
                    + ", not a row");
        }
        return read(map.get("op"), after == null ? null : new RecordValue(null, after), map.get("before"));
    }

    private static ChangeEvent read(Object op, RecordValue after, Object before) {
        Op kind = switch (String.valueOf(op)) {
            case "c", "r", "u" -> Op.UPSERT;
            case "d" -> Op.DELETE;
            case "t" -> Op.TRUNCATE;
            default -> throw new DataException("the change event's op '" + op
                    + "' is not one the sink applies (c, r, u, d, t)");
        };
        if (kind == Op.UPSERT && after == null) {
            throw new DataException("the change event (op '" + op + "') has no 'after' row");
        }
        return new ChangeEvent(kind, kind == Op.UPSERT ? after : null, before);
    }
}
