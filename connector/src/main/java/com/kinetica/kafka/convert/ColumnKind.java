package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The kinds of Kinetica column, the one list of them: adding a Kinetica type is one constant
 * here and, when it converts differently, one small {@link Kind} class. Each names the Connect
 * schemas and schemaless values a new column of it is made for; its {@link Kind} holds the
 * column definition, the Connect schema, both conversions and the filter expression literal.
 */
public enum ColumnKind {
    INT(WholeNumberKind.INT, null, List.of(Schema.Type.INT32)),
    INT8(WholeNumberKind.INT8, null, List.of(Schema.Type.INT8)),
    INT16(WholeNumberKind.INT16, null, List.of(Schema.Type.INT16)),
    BOOLEAN(new BooleanKind(), null, List.of(Schema.Type.BOOLEAN), Boolean.class),
    // JSON has one kind of integer: a later value may not fit a smaller column
    LONG(new LongKind(), null, List.of(Schema.Type.INT64), Byte.class, Short.class, Integer.class, Long.class),
    TIMESTAMP(new TimestampKind(), Timestamp.LOGICAL_NAME, List.of(), java.util.Date.class),
    FLOAT(FloatingKind.FLOAT, null, List.of(Schema.Type.FLOAT32), Float.class),
    DOUBLE(FloatingKind.DOUBLE, null, List.of(Schema.Type.FLOAT64), Double.class),
    STRING(StringKind.STRING, null, List.of(Schema.Type.STRING, Schema.Type.STRUCT, Schema.Type.MAP, Schema.Type.ARRAY)),
    DATE(DateTimeKind.DATE, Date.LOGICAL_NAME, List.of()),
    TIME(DateTimeKind.TIME, Time.LOGICAL_NAME, List.of()),
    DATETIME(DateTimeKind.DATETIME, null, List.of()),
    DECIMAL(new DecimalKind(), Decimal.LOGICAL_NAME, List.of(), BigDecimal.class),
    ULONG(StringKind.ULONG, null, List.of()),
    UUID(new UuidKind(), null, List.of()),
    BYTES(new BytesKind(), null, List.of(Schema.Type.BYTES), byte[].class, ByteBuffer.class);

    private final Kind kind;
    /** Connect's logical type a new column of this kind is made for, or null. */
    final String logicalName;
    /** Connect's types (without a logical name) a new column of this kind is made for. */
    final List<Schema.Type> connectTypes;
    /** Schemaless values whose class makes a new column of this kind. */
    final List<Class<?>> valueClasses;

    ColumnKind(Kind kind, String logicalName, List<Schema.Type> connectTypes, Class<?>... valueClasses) {
        this.kind = kind;
        this.logicalName = logicalName;
        this.connectTypes = connectTypes;
        this.valueClasses = List.of(valueClasses);
    }

    /**
     * Turns a non-null Connect value into what gpudb-api expects for this kind of column, or
     * throws {@link IllegalArgumentException} with the reason it cannot go into such a column.
     */
    public Object convert(Object value) {
        return kind.toKinetica(value);
    }

    /** The column to create for this kind. Primary key columns are never nullable. */
    public Type.Column column(String name, boolean nullable, boolean primaryKey) {
        return column(name, nullable, primaryKey, 0);
    }

    /** The column to create for this kind; {@code charLength} > 0 makes a text column charN. */
    public Type.Column column(String name, boolean nullable, boolean primaryKey, int charLength) {
        List<String> props = new ArrayList<>(4);
        if (kind.property != null) {
            props.add(kind.property);
        }
        if (primaryKey) {
            props.add(ColumnProperty.PRIMARY_KEY);
        } else if (nullable) {
            props.add(ColumnProperty.NULLABLE);
        }
        if (charLength > 0) {
            props.add(StringKind.charProperty(charLength));
        }
        return new Type.Column(name, kind.javaType, props);
    }

    /** This kind's rules, for hot paths that convert per value: one indirection less than {@link #convert}. */
    Kind rules() {
        return kind;
    }

    /** The Avro type of this kind's columns, as /alter/table/columns takes it. */
    public String avroType() {
        return kind.avroType();
    }

    /** The (required) Connect schema of an existing column of this kind. */
    public Schema connectSchema(Type.Column column) {
        return kind.schema(column);
    }

    /** The conversion of the column's non-null values, as gpudb-api gives them, to {@link #connectSchema}. */
    public Function<Object, Object> toConnect(Type.Column column) {
        return kind.toConnect(column);
    }

    /** A value (Kinetica's, or epoch milliseconds for time kinds) written as a filter expression literal. */
    public String literal(Object value) {
        return kind.literal(value);
    }

    /** Whether a source can read rows in order of a column of this kind as whole numbers (its incrementing column). */
    public boolean wholeNumber() {
        return kind.wholeNumber();
    }

    /** Whether this kind is a point in time: a source finds such a column as its timestamp column. */
    public boolean pointInTime() {
        return kind.pointInTime();
    }

    /** Whether a source can read rows in order of a column of this kind as epoch milliseconds (a timestamp column). */
    public boolean readsAsEpochMillis() {
        return kind.readsAsEpochMillis();
    }

    /** A non-null value of a column of this kind, as gpudb-api gives it, as epoch milliseconds. */
    public long epochMillis(Object value) {
        return kind.epochMillis(value);
    }

    /** The kind of an existing column. Text flavours without their own kind (charN, uuid, wkt, ...) are {@link #STRING}. */
    public static ColumnKind of(Type.Column column) {
        ColumnKind plain = null;
        for (ColumnKind k : values()) {
            if (k.kind.javaType == column.getType()) {
                if (k.kind.marks(column)) {
                    return k;
                }
                if (k.kind.property == null && plain == null) {
                    plain = k;
                }
            }
        }
        return plain != null ? plain : STRING;
    }
}
