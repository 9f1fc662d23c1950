package com.kinetica.kafka.convert;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;

/**
 * Which kind of column a new table gets for a Connect field: from its schema, or for
 * schemaless values from the Java class of the first value seen, as each {@link ColumnKind}
 * declares.
 *
 * <pre>
 * INT8 -> int (int8)        INT16 -> int (int16)     INT32 -> int        INT64 -> long
 * FLOAT32 -> float          FLOAT64 -> double        BOOLEAN -> int (boolean)
 * STRING -> string          BYTES -> bytes
 * Date -> string (date)     Time -> string (time)    Timestamp -> long (timestamp)
 * Decimal -> string (decimal) when DECIMAL(18,4) holds it, else double
 * STRUCT, MAP, ARRAY -> string holding JSON text
 * </pre>
 * Debezium's semantic types go by {@link SemanticType}: their times to date, time and timestamp
 * columns, VariableScaleDecimal to double, Uuid to uuid, Enum to charN, Json to string.
 */
public final class KindMapping {
    private KindMapping() {
    }

    public static ColumnKind forSchema(Schema schema) {
        SemanticType semantic = SemanticType.of(schema);
        if (semantic != null) {
            return semantic.kind;
        }
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical) && !DecimalKind.holds(schema)) {
            return ColumnKind.DOUBLE;
        }
        if (logical != null) {
            for (ColumnKind kind : ColumnKind.values()) {
                if (logical.equals(kind.logicalName)) {
                    return kind;
                }
            }
        }
        for (ColumnKind kind : ColumnKind.values()) {
            if (kind.connectTypes.contains(schema.type())) {
                return kind;
            }
        }
        throw new IllegalStateException("no column kind for Connect type " + schema.type());
    }

    /**
     * For schemaless values; {@code null} (type unknown yet) becomes a nullable string column.
     * Every integral number makes a long column, whatever the size of the first one. A map of
     * the shape of Debezium's VariableScaleDecimal makes a double column, as with its schema.
     */
    public static ColumnKind forValue(Object value) {
        if (VariableScaleDecimal.isOne(value)) {
            return ColumnKind.DOUBLE;
        }
        for (ColumnKind kind : ColumnKind.values()) {
            for (Class<?> c : kind.valueClasses) {
                if (c.isInstance(value)) {
                    return kind;
                }
            }
        }
        return ColumnKind.STRING;
    }
}
