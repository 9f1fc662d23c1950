package com.kinetica.kafka.convert;

import org.apache.kafka.connect.data.Schema;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Debezium's semantic types, known by their Connect schema name (the connector does not depend on
 * Debezium's jars). A field of one makes the column its meaning asks for, and its values are read
 * for that meaning (microseconds since the epoch become a point in time, ...) when they go into a
 * column of such a kind. Into any other column, say a long column made before the sink knew the
 * type, they go as the physical value they are carried in, as before.
 */
public enum SemanticType {
    /** INT32, days since the epoch. */
    DATE("io.debezium.time.Date", Schema.Type.INT32, ColumnKind.DATE, Time.KINDS,
            v -> new Date(((Number) v).longValue() * Time.MILLIS_PER_DAY)),
    /** INT32, milliseconds past midnight. */
    TIME("io.debezium.time.Time", Schema.Type.INT32, ColumnKind.TIME, Time.KINDS, v -> Time.millis(v, 1)),
    /** INT64, microseconds past midnight. */
    MICRO_TIME("io.debezium.time.MicroTime", Schema.Type.INT64, ColumnKind.TIME, Time.KINDS,
            v -> Time.millis(v, 1_000)),
    /** INT64, nanoseconds past midnight. */
    NANO_TIME("io.debezium.time.NanoTime", Schema.Type.INT64, ColumnKind.TIME, Time.KINDS,
            v -> Time.millis(v, 1_000_000)),
    /** STRING, ISO-8601 time with offset ({@code 10:15:30.123456Z}): the time of day in UTC. */
    ZONED_TIME("io.debezium.time.ZonedTime", Schema.Type.STRING, ColumnKind.TIME, Time.KINDS, Time::zonedTime),
    /** INT64, milliseconds since the epoch (a local date-time read as UTC). */
    TIMESTAMP("io.debezium.time.Timestamp", Schema.Type.INT64, ColumnKind.TIMESTAMP, Time.KINDS,
            v -> Time.millis(v, 1)),
    /** INT64, microseconds since the epoch. */
    MICRO_TIMESTAMP("io.debezium.time.MicroTimestamp", Schema.Type.INT64, ColumnKind.TIMESTAMP, Time.KINDS,
            v -> Time.millis(v, 1_000)),
    /** INT64, nanoseconds since the epoch. */
    NANO_TIMESTAMP("io.debezium.time.NanoTimestamp", Schema.Type.INT64, ColumnKind.TIMESTAMP, Time.KINDS,
            v -> Time.millis(v, 1_000_000)),
    /** STRING, ISO-8601 date-time with offset ({@code 2023-11-14T23:13:20.123456+01:00}). */
    ZONED_TIMESTAMP("io.debezium.time.ZonedTimestamp", Schema.Type.STRING, ColumnKind.TIMESTAMP, Time.KINDS,
            Time::zonedTimestamp),
    /**
     * STRUCT {scale INT32, value BYTES}: a number whose scale changes from value to value, so no
     * column precision can be known up front; double, as Debezium's JDBC sink does. Read as a
     * decimal whatever the column: the struct means nothing on its own.
     */
    VARIABLE_SCALE_DECIMAL(VariableScaleDecimal.NAME, Schema.Type.STRUCT, ColumnKind.DOUBLE,
            EnumSet.allOf(ColumnKind.class), VariableScaleDecimal::read),
    /** STRING holding JSON text. */
    JSON("io.debezium.data.Json", Schema.Type.STRING, ColumnKind.STRING, Set.of(), null),
    /** STRING, a UUID in its canonical form. */
    UUID("io.debezium.data.Uuid", Schema.Type.STRING, ColumnKind.UUID, Set.of(), null),
    /** STRING, one of the values in the schema parameter {@code allowed} (comma-separated): charN. */
    ENUM("io.debezium.data.Enum", Schema.Type.STRING, ColumnKind.STRING, Set.of(), null);

    private static final String ENUM_VALUES = "allowed";
    /** Kinetica's longest fixed-width text column, char256. */
    private static final int LONGEST_CHAR = 256;

    private final String schemaName;
    private final Schema.Type physical;
    /** The kind of a new column for a field of this type. */
    final ColumnKind kind;
    /** Kinds of column the values are read into by {@link #read}; others take the physical value. */
    private final Set<ColumnKind> readInto;
    private final UnaryOperator<Object> read;

    SemanticType(String schemaName, Schema.Type physical, ColumnKind kind, Set<ColumnKind> readInto,
                 UnaryOperator<Object> read) {
        this.schemaName = schemaName;
        this.physical = physical;
        this.kind = kind;
        this.readInto = readInto;
        this.read = read;
    }

    /** The semantic type of a field's schema, or null: a known name on another physical type is not one. */
    public static SemanticType of(Schema schema) {
        String name = schema.name();
        if (name == null || !name.startsWith("io.debezium.")) {
            return null;
        }
        for (SemanticType t : values()) {
            if (t.schemaName.equals(name) && t.physical == schema.type()) {
                return t;
            }
        }
        return null;
    }

    /**
     * How a field's non-null values are read before they go into a column of {@code column}'s
     * kind, or null when they go as they are. Unreadable values throw {@link IllegalArgumentException}.
     */
    public static UnaryOperator<Object> reader(Schema field, ColumnKind column) {
        SemanticType t = of(field);
        return t == null || t.read == null || !t.readInto.contains(column) ? null : t.read;
    }

    /**
     * The length of the charN column a new column of this field gets, or 0 for none: an enum's
     * longest allowed value rounded up to Kinetica's next char size (1, 2, 4, ... 256).
     */
    public static int charLength(Schema field) {
        if (of(field) != ENUM || field.parameters() == null || field.parameters().get(ENUM_VALUES) == null) {
            return 0;
        }
        int longest = 0;
        for (String value : field.parameters().get(ENUM_VALUES).split(",", -1)) {
            longest = Math.max(longest, value.length());
        }
        int size = 1;
        while (size < longest) {
            size *= 2;
        }
        return size <= LONGEST_CHAR ? size : 0;
    }

    /** The readings of the time types. */
    private static final class Time {
        static final long MILLIS_PER_DAY = 86_400_000L;
        static final Set<ColumnKind> KINDS = EnumSet.of(ColumnKind.DATE, ColumnKind.TIME, ColumnKind.DATETIME,
                ColumnKind.TIMESTAMP);

        /** A count of {@code unitsPerMilli} units as milliseconds, the finer digits dropped (Kinetica holds ms). */
        static Date millis(Object v, long unitsPerMilli) {
            return new Date(Math.floorDiv(((Number) v).longValue(), unitsPerMilli));
        }

        static Date zonedTimestamp(Object v) {
            try {
                return new Date(OffsetDateTime.parse((String) v).toInstant().toEpochMilli());
            } catch (DateTimeException e) {
                throw Kind.cannot(v, "an ISO-8601 date-time with offset (ZonedTimestamp)");
            }
        }

        static Date zonedTime(Object v) {
            try {
                long nanos = OffsetTime.parse((String) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toNanoOfDay();
                return new Date(nanos / 1_000_000);
            } catch (DateTimeException e) {
                throw Kind.cannot(v, "an ISO-8601 time with offset (ZonedTime)");
            }
        }
    }
}
