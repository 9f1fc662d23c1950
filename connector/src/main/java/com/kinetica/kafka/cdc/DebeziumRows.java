package com.kinetica.kafka.cdc;

import com.kinetica.kafka.cdc.ChangeEvent.Format;
import com.kinetica.kafka.cdc.ChangeEvent.Op;
import com.kinetica.kafka.cdc.ChangeEvent.SourceTable;
import com.kinetica.kafka.convert.RecordValue;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows as Debezium's ExtractNewRecordState writes them: the row after the change, marked by
 * {@code __deleted} (its delete handling "rewrite": a delete is the row before, marked true) or
 * {@code __op} (its {@code add.fields=op}). The markers are read and left out of the row, so the
 * table is the one the envelope gives; other added fields ({@code __table}, {@code __lsn}…) stay.
 * Rows without a marker are plain rows.
 */
final class DebeziumRows {
    static final String DELETED = "__deleted";
    static final String OP = "__op";
    private static final Set<String> MARKERS = Set.of(DELETED, OP);
    /** Converters keep few schemas, each one instance: their rows' schemas without markers, made once. */
    private static final int SCHEMAS_KEPT = 256;

    private final Map<Schema, Schema> unmarked = new IdentityHashMap<>();

    /** Whether values of this shape (a value schema, or a schemaless map) carry a marker. */
    static boolean isOne(Object shape) {
        return Rows.has(shape, DELETED) || Rows.has(shape, OP);
    }

    /** The event a marked row is. */
    ChangeEvent read(RecordValue v) {
        Object value = v.value();
        String code = Rows.text(value, OP);
        Op op;
        if ("true".equalsIgnoreCase(Rows.text(value, DELETED))) {
            op = Op.DELETE;
        } else if (code == null) {
            op = Op.UPSERT;
        } else {
            op = switch (code) {
                case "c", "r", "u" -> Op.UPSERT;
                case "d" -> Op.DELETE;
                case "t" -> Op.TRUNCATE;
                default -> throw new DataException("the row's __op '" + code
                        + "' is not one the sink applies (c, r, u, d, t)");
            };
        }
        RecordValue row = unmarked(v);
        return new ChangeEvent(Format.DEBEZIUM_ROW, op, op == Op.UPSERT ? row : null, row.value(), value, List.of());
    }

    /** {@code __table} in {@code __schema}, or {@code __db}: the fields {@code add.fields} adds. */
    static SourceTable sourceTable(Object row) {
        String table = Rows.text(row, "__table");
        String schema = Rows.text(row, "__schema");
        return table == null ? null : new SourceTable(schema != null ? schema : Rows.text(row, "__db"), table);
    }

    private RecordValue unmarked(RecordValue v) {
        if (v.schema() == null) {
            Map<Object, Object> row = new LinkedHashMap<>((Map<?, ?>) v.value());
            MARKERS.forEach(row::remove);
            return new RecordValue(null, row);
        }
        if (unmarked.size() > SCHEMAS_KEPT) {
            unmarked.clear();
        }
        Schema schema = unmarked.computeIfAbsent(v.schema(), DebeziumRows::withoutMarkers);
        Struct marked = (Struct) v.value();
        Struct row = new Struct(schema);
        schema.fields().forEach(f -> row.put(f, marked.get(f.name())));
        return new RecordValue(schema, row);
    }

    private static Schema withoutMarkers(Schema marked) {
        SchemaBuilder b = SchemaBuilder.struct().name(marked.name()).version(marked.version()).doc(marked.doc());
        if (marked.isOptional()) {
            b.optional();
        }
        for (Field f : marked.fields()) {
            if (!MARKERS.contains(f.name())) {
                b.field(f.name(), f.schema());
            }
        }
        return b.build();
    }
}
