package com.kinetica.kafka.cdc;

import com.kinetica.kafka.cdc.ChangeEvent.Format;
import com.kinetica.kafka.cdc.ChangeEvent.Op;
import com.kinetica.kafka.cdc.ChangeEvent.SourceTable;
import com.kinetica.kafka.convert.RecordValue;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.List;

/**
 * Oracle GoldenGate's operation records, as its JSON formatter and Kafka Connect handler write
 * them in "op" mode: {@code table} (the qualified source table), {@code op_type} (I, U, D, T),
 * the rows {@code before} and {@code after}, and, when the handler includes them,
 * {@code primary_keys}.
 */
final class GoldenGateOps {
    private GoldenGateOps() {
    }

    /** Whether values of this shape (a value schema, or a schemaless map) are GoldenGate operations. */
    static boolean isOne(Object shape) {
        return Rows.has(shape, "op_type") && Rows.has(shape, "table")
                && (Rows.has(shape, "before") || Rows.has(shape, "after"));
    }

    /** The event an operation is. */
    static ChangeEvent read(Object value) {
        String code = Rows.text(value, "op_type");
        Op op = switch (String.valueOf(code)) {
            case "I", "U" -> Op.UPSERT;
            case "D" -> Op.DELETE;
            case "T" -> Op.TRUNCATE;
            default -> throw new DataException("the GoldenGate op_type '" + code
                    + "' is not one the sink applies (I, U, D, T)");
        };
        RecordValue after = op == Op.UPSERT ? ChangeEvents.row(value, "after", () -> "GoldenGate operation " + code)
                : null;
        return new ChangeEvent(Format.GOLDENGATE, op, after, Rows.get(value, "before"), value,
                keyColumns(Rows.get(value, "primary_keys")));
    }

    /** {@code SCHEMA.TABLE}, or {@code CATALOG.SCHEMA.TABLE} from a pluggable database: the last two parts. */
    static SourceTable sourceTable(Object operation) {
        String qualified = Rows.text(operation, "table");
        if (qualified == null || qualified.isBlank()) {
            throw new DataException("the GoldenGate operation names no table");
        }
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return new SourceTable(null, qualified);
        }
        String schema = qualified.substring(0, dot);
        return new SourceTable(schema.substring(schema.lastIndexOf('.') + 1), qualified.substring(dot + 1));
    }

    private static List<String> keyColumns(Object primaryKeys) {
        List<String> columns = new ArrayList<>();
        if (primaryKeys instanceof List<?> list) {
            list.forEach(c -> columns.add(String.valueOf(c)));
        }
        return columns;
    }
}
