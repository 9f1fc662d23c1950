package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one Kinetica column to a Connect field: its schema and how its values convert. One
 * place per Kinetica type; the table below is the documented mapping.
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
    private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
    private static final int DEFAULT_DECIMAL_PRECISION = 18;
    private static final int DEFAULT_DECIMAL_SCALE = 4;
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
        ColumnMapping mapping = mapType(column);
        if (!column.isNullable()) {
            return mapping;
        }
        SchemaBuilder optional = copy(mapping.schema()).optional();
        return new ColumnMapping(mapping.name(), optional.build(), mapping.convert());
    }

    private static ColumnMapping mapType(Type.Column column) {
        String name = column.getName();
        if (column.getProperties().stream().anyMatch(p -> DECIMAL.matcher(p.replace(" ", "")).matches())) {
            return decimal(column); // decimal(p,s): newer servers; gpudb-api 7.1 only knows "decimal"
        }
        return switch (column.getColumnType()) {
            case INT8 -> new ColumnMapping(name, Schema.INT8_SCHEMA, v -> ((Number) v).byteValue());
            case INT16 -> new ColumnMapping(name, Schema.INT16_SCHEMA, v -> ((Number) v).shortValue());
            case INTEGER -> new ColumnMapping(name, Schema.INT32_SCHEMA, Function.identity());
            case BOOLEAN -> new ColumnMapping(name, Schema.BOOLEAN_SCHEMA, v -> ((Number) v).intValue() != 0);
            case LONG -> new ColumnMapping(name, Schema.INT64_SCHEMA, Function.identity());
            case TIMESTAMP -> new ColumnMapping(name, Timestamp.SCHEMA, v -> new java.util.Date((Long) v));
            case FLOAT -> new ColumnMapping(name, Schema.FLOAT32_SCHEMA, Function.identity());
            case DOUBLE -> new ColumnMapping(name, Schema.FLOAT64_SCHEMA, Function.identity());
            case DATE -> new ColumnMapping(name, Date.SCHEMA, v -> parseDate(v.toString()));
            case TIME -> new ColumnMapping(name, Time.SCHEMA, v -> parseTime(v.toString()));
            case DATETIME -> new ColumnMapping(name, Timestamp.SCHEMA, v -> parseDateTime(v.toString()));
            case DECIMAL -> decimal(column);
            case ULONG -> new ColumnMapping(name, Decimal.schema(0), v -> new BigDecimal(v.toString()));
            case BYTES, WKB -> new ColumnMapping(name, Schema.BYTES_SCHEMA, KineticaToConnect::bytes);
            default -> baseType(column);
        };
    }

    /** Types gpudb-api does not name (json, array, vector, newer ones): by their Avro base type. */
    private static ColumnMapping baseType(Type.Column column) {
        String name = column.getName();
        return switch (column.getColumnBaseType()) {
            case INTEGER -> new ColumnMapping(name, Schema.INT32_SCHEMA, Function.identity());
            case LONG -> new ColumnMapping(name, Schema.INT64_SCHEMA, Function.identity());
            case FLOAT -> new ColumnMapping(name, Schema.FLOAT32_SCHEMA, Function.identity());
            case DOUBLE -> new ColumnMapping(name, Schema.FLOAT64_SCHEMA, Function.identity());
            case BYTES -> new ColumnMapping(name, Schema.BYTES_SCHEMA, KineticaToConnect::bytes);
            case STRING -> new ColumnMapping(name, Schema.STRING_SCHEMA, Object::toString);
        };
    }

    private static ColumnMapping decimal(Type.Column column) {
        int precision = DEFAULT_DECIMAL_PRECISION;
        int scale = DEFAULT_DECIMAL_SCALE;
        for (String property : column.getProperties()) {
            Matcher m = DECIMAL.matcher(property.replace(" ", ""));
            if (m.matches()) {
                precision = Integer.parseInt(m.group(1));
                scale = Integer.parseInt(m.group(2));
            }
        }
        int s = scale;
        Schema schema = Decimal.builder(scale)
                .parameter("connect.decimal.precision", Integer.toString(precision)).build();
        return new ColumnMapping(column.getName(), schema,
                v -> new BigDecimal(v.toString().trim()).setScale(s, RoundingMode.HALF_UP));
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
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

    /** Formats epoch milliseconds the way Kinetica writes a datetime, for filter expressions. */
    public static String formatDateTime(long epochMillis) {
        LocalDateTime dateTime = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC)
                .withNano(Math.floorMod(epochMillis, 1000) * 1_000_000);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d.%03d", dateTime.getYear(), dateTime.getMonthValue(),
                dateTime.getDayOfMonth(), dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond(),
                dateTime.getNano() / 1_000_000);
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
