package com.kinetica.kafka.convert;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

/**
 * Which kind of column a new table gets for a Connect field: from its schema, or for
 * schemaless values from the Java class of the first value seen.
 *
 * <pre>
 * INT8 -> int (int8)        INT16 -> int (int16)     INT32 -> int        INT64 -> long
 * FLOAT32 -> float          FLOAT64 -> double        BOOLEAN -> int (boolean)
 * STRING -> string          BYTES -> bytes
 * Date -> string (date)     Time -> string (time)    Timestamp -> long (timestamp)
 * Decimal -> string (decimal)
 * STRUCT, MAP, ARRAY -> string holding JSON text
 * </pre>
 */
public final class KindMapping {
    private KindMapping() {
    }

    public static ColumnKind forSchema(Schema schema) {
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case Decimal.LOGICAL_NAME:
                    return ColumnKind.DECIMAL;
                case Date.LOGICAL_NAME:
                    return ColumnKind.DATE;
                case Time.LOGICAL_NAME:
                    return ColumnKind.TIME;
                case Timestamp.LOGICAL_NAME:
                    return ColumnKind.TIMESTAMP;
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case INT8 -> ColumnKind.INT8;
            case INT16 -> ColumnKind.INT16;
            case INT32 -> ColumnKind.INT;
            case INT64 -> ColumnKind.LONG;
            case FLOAT32 -> ColumnKind.FLOAT;
            case FLOAT64 -> ColumnKind.DOUBLE;
            case BOOLEAN -> ColumnKind.BOOLEAN;
            case BYTES -> ColumnKind.BYTES;
            case STRING, STRUCT, MAP, ARRAY -> ColumnKind.STRING;
        };
    }

    /**
     * For schemaless values; {@code null} (type unknown yet) becomes a nullable string column.
     * Every integral number makes a long column, whatever the size of the first one.
     */
    public static ColumnKind forValue(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ColumnKind.LONG; // JSON has one kind of integer: a later value may not fit a smaller column
        }
        if (value instanceof Float) {
            return ColumnKind.FLOAT;
        }
        if (value instanceof Double) {
            return ColumnKind.DOUBLE;
        }
        if (value instanceof Boolean) {
            return ColumnKind.BOOLEAN;
        }
        if (value instanceof BigDecimal) {
            return ColumnKind.DECIMAL;
        }
        if (value instanceof java.util.Date) {
            return ColumnKind.TIMESTAMP;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return ColumnKind.BYTES;
        }
        return ColumnKind.STRING;
    }
}
