package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * date, time and datetime columns: text in UTC, read as Connect's Date, Time and Timestamp. Text
 * is written as it is, unless it is ISO-8601 with an offset (Debezium's ZonedTimestamp and
 * ZonedTime without schemas): that is taken to UTC and written as Kinetica writes it.
 */
final class DateTimeKind extends Kind {
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter DATETIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** {@code YYYY-MM-DD}. */
    static final DateTimeKind DATE = new DateTimeKind(ColumnProperty.DATE, Date.SCHEMA,
            DateTimeFormatter.ISO_LOCAL_DATE::format, v -> KineticaToConnect.parseDate(v.toString()));
    /** {@code HH:MM:SS.mmm}. */
    static final DateTimeKind TIME = new DateTimeKind(ColumnProperty.TIME, Time.SCHEMA,
            t -> TIME_FORMAT.format(t.toLocalTime()), v -> KineticaToConnect.parseTime(v.toString()));
    /** {@code YYYY-MM-DD HH:MM:SS.mmm}. */
    static final DateTimeKind DATETIME = new DateTimeKind(ColumnProperty.DATETIME, Timestamp.SCHEMA,
            DATETIME_FORMAT::format, v -> KineticaToConnect.parseDateTime(v.toString()));

    private final Schema schema;
    private final Function<LocalDateTime, String> format;
    private final Function<Object, Object> toConnect;

    private DateTimeKind(String property, Schema schema, Function<LocalDateTime, String> format,
                         Function<Object, Object> toConnect) {
        super(String.class, property);
        this.schema = schema;
        this.format = format;
        this.toConnect = toConnect;
    }

    @Override
    Object toKinetica(Object v) {
        if (v instanceof String s) {
            LocalDateTime iso = isoWithOffset(s);
            return iso == null ? s : format.apply(iso);
        }
        return format.apply(utc(v));
    }

    /** The UTC date-time of ISO-8601 text with an offset (a time alone for time columns), or null. */
    private LocalDateTime isoWithOffset(String s) {
        try {
            if (this == TIME && (s.endsWith("Z") || s.indexOf('+') > 0 || s.indexOf('-') > 0)) {
                return OffsetTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().atDate(LocalDate.EPOCH);
            }
            if (this != TIME && s.length() > 10 && s.charAt(10) == 'T') {
                return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
        } catch (DateTimeParseException e) {
            return null; // not that: Kinetica decides
        }
        return null;
    }

    @Override
    Schema schema(Type.Column column) {
        return schema;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return toConnect;
    }

    /** Epoch milliseconds or a Connect date as Kinetica writes it, quoted. */
    @Override
    String literal(Object value) {
        return "'" + toKinetica(value) + "'";
    }

    /** Only datetime is a point in time a source reads rows in order of; date and time are parts of one. */
    @Override
    boolean pointInTime() {
        return this == DATETIME;
    }

    @Override
    boolean readsAsEpochMillis() {
        return this == DATETIME;
    }

    @Override
    long epochMillis(Object value) {
        return KineticaToConnect.parseDateTime(value.toString()).getTime();
    }

    private static LocalDateTime utc(Object v) {
        if (v instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(d.getTime()), ZoneOffset.UTC);
        }
        if (v instanceof Long || v instanceof Integer) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) v).longValue()), ZoneOffset.UTC);
        }
        throw cannot(v, "a date or time");
    }
}
