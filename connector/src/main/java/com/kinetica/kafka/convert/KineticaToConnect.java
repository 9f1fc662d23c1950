package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Function;

/**
 * Maps one Kinetica column to a Connect field, through its {@link ColumnKind}, and reads
 * Kinetica's date and time text. The documented mapping:
 *
 * <pre>
 * int8 / int16 / int / long       INT8 / INT16 / INT32 / INT64
 * float / double                  FLOAT32 / FLOAT64
 * boolean                         BOOLEAN
 * timestamp (long, epoch ms)      Timestamp
 * date / time / datetime          Date / Time / Timestamp (read as UTC)
 * decimal, decimal(p,s)           Decimal (scale s, 4 by default; precision as parameter)
 * ulong                           Decimal with scale 0 (it does not fit INT64)
 * string, charN, ipv4, uuid, wkt,
 *   json, array(..), vector(..)   STRING (the text Kinetica returns)
 * bytes, wkb                      BYTES
 * </pre>
 * A nullable column gives an optional field.
 */
public final class KineticaToConnect {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private KineticaToConnect() {
    }

    /** A column's Connect schema and the conversion of its non-null values. */
    public record ColumnMapping(String name, Schema schema, Function<Object, Object> convert) {
        public Object apply(Object value) {
            return value == null ? null : convert.apply(value);
        }
    }

    public static ColumnMapping map(Type.Column column) {
        ColumnKind kind = ColumnKind.of(column);
        Schema schema = kind.connectSchema(column);
        if (column.isNullable()) {
            schema = copy(schema).optional().build();
        }
        return new ColumnMapping(column.getName(), schema, kind.toConnect(column));
    }

    static java.util.Date parseDate(String text) {
        return new java.util.Date(epochDay(text.trim(), text) * MILLIS_PER_DAY);
    }

    static java.util.Date parseTime(String text) {
        return new java.util.Date(millisOfDay(text.trim(), text));
    }

    public static java.util.Date parseDateTime(String text) {
        String trimmed = text.trim();
        if (trimmed.length() == 10) {
            return parseDate(trimmed);
        }
        if (trimmed.length() < 19 || (trimmed.charAt(10) != ' ' && trimmed.charAt(10) != 'T')) {
            throw new DataException("Kinetica datetime '" + text + "' is not YYYY-MM-DD HH:MM:SS[.mmm]");
        }
        return new java.util.Date(epochDay(trimmed.substring(0, 10), text) * MILLIS_PER_DAY
                + millisOfDay(trimmed.substring(11), text));
    }

    // Hand-written parsing: java.time's formatters cost more than the rest of a row's conversion.
    private static long epochDay(String date, String original) {
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            throw new DataException("Kinetica date '" + original + "' is not YYYY-MM-DD");
        }
        try {
            return LocalDate.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)).toEpochDay();
        } catch (RuntimeException e) {
            throw new DataException("Kinetica date '" + original + "' is not YYYY-MM-DD", e);
        }
    }

    private static long millisOfDay(String time, String original) {
        try {
            if (time.length() < 8 || time.charAt(2) != ':' || time.charAt(5) != ':') {
                throw new IllegalArgumentException("not HH:MM:SS");
            }
            int hour = digits(time, 0, 2);
            int minute = digits(time, 3, 5);
            int second = digits(time, 6, 8);
            int millis = 0;
            if (time.length() > 8) {
                if (time.charAt(8) != '.' || time.length() == 9) {
                    throw new IllegalArgumentException("bad fraction");
                }
                int end = Math.min(time.length(), 12);
                millis = digits(time, 9, end);
                for (int i = end; i < 12; i++) {
                    millis *= 10;
                }
                digits(time, 9, time.length()); // the rest must be digits too
            }
            LocalTime.of(hour, minute, second); // range check
            return ((hour * 60L + minute) * 60 + second) * 1000 + millis;
        } catch (RuntimeException e) {
            throw new DataException("Kinetica time '" + original + "' is not HH:MM:SS[.mmm]", e);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: " + c);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Formats epoch milliseconds the way Kinetica writes a datetime. */
    public static String formatDateTime(long epochMillis) {
        return (String) ColumnKind.DATETIME.convert(epochMillis);
    }

    /** Whether the column is a primary key column. */
    public static boolean isPrimaryKey(Type.Column column) {
        return column.hasProperty(ColumnProperty.PRIMARY_KEY);
    }

    private static SchemaBuilder copy(Schema schema) {
        SchemaBuilder builder = new SchemaBuilder(schema.type()).name(schema.name()).version(schema.version());
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        return builder;
    }
}
