package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * Everything about one kind of Kinetica column: how it is defined, its Connect schema, both
 * conversions and how a value is written in a filter expression. {@link ColumnKind} lists them.
 */
abstract class Kind {
    final Class<?> javaType;
    /** The column property that marks this kind, or null for the plain column of its Java type. */
    final String property;

    Kind(Class<?> javaType, String property) {
        this.javaType = javaType;
        this.property = property;
    }

    /** Whether a column of this kind's Java type is marked as this kind. */
    boolean marks(Type.Column column) {
        return property != null && column.hasProperty(property);
    }

    /** A non-null Connect value as gpudb-api expects it; {@link IllegalArgumentException} says why not. */
    abstract Object toKinetica(Object value);

    /** The (required) Connect schema of the column. */
    abstract Schema schema(Type.Column column);

    /** Turns the column's non-null values, as gpudb-api gives them, into values of {@link #schema}. */
    abstract Function<Object, Object> toConnect(Type.Column column);

    /** A value of this kind (Kinetica's, or epoch milliseconds for time kinds) as a filter expression literal. */
    String literal(Object value) {
        return value instanceof Number ? value.toString() : "'" + value.toString().replace("'", "''") + "'";
    }

    /** Whether values of this kind are whole numbers a source can read rows in order of (its incrementing column). */
    boolean wholeNumber() {
        return false;
    }

    /** Whether this kind is a point in time, so that a source takes such a column as its timestamp column. */
    boolean pointInTime() {
        return false;
    }

    /** Whether a source can read this kind's values as epoch milliseconds ({@link #epochMillis}). */
    boolean readsAsEpochMillis() {
        return false;
    }

    /** A non-null value of this kind, as gpudb-api gives it, as epoch milliseconds (kinds that {@link #readsAsEpochMillis}). */
    long epochMillis(Object value) {
        return ((Number) value).longValue();
    }

    /** The most characters the column may hold (charN), 0 when its length is not limited. */
    int maxLength(Type.Column column) {
        return 0;
    }

    /** The Avro type /alter/table/columns takes for the column. */
    String avroType() {
        if (javaType == Integer.class) {
            return "int";
        }
        if (javaType == Long.class) {
            return "long";
        }
        if (javaType == Float.class) {
            return "float";
        }
        if (javaType == Double.class) {
            return "double";
        }
        return javaType == ByteBuffer.class ? "bytes" : "string";
    }

    static IllegalArgumentException cannot(Object v, String what) {
        String shown = String.valueOf(v);
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new IllegalArgumentException(v.getClass().getSimpleName() + " value '" + shown + "' is not " + what);
    }
}
