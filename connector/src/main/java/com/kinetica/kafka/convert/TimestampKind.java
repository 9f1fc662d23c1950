package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;

/**
 * timestamp columns: a long of milliseconds since the epoch, UTC, in Kinetica's range (1000-01-01
 * to 2900-12-31). Checked here: a number of microseconds taken for milliseconds (Debezium's
 * MicroTimestamp without schemas) is out of it, and fails alone with its reason.
 */
final class TimestampKind extends Kind {
    private static final long MIN = -30_610_224_000_000L;
    private static final long MAX = 29_379_542_399_999L;

    TimestampKind() {
        super(Long.class, ColumnProperty.TIMESTAMP);
    }

    @Override
    Object toKinetica(Object v) {
        long millis;
        if (v instanceof Date d) {
            millis = d.getTime();
        } else if (v instanceof String s) {
            millis = parse(s);
        } else {
            millis = WholeNumberKind.ranged(v, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (millis < MIN || millis > MAX) {
            throw new IllegalArgumentException("timestamp " + millis + " is out of Kinetica's range [" + MIN + ", "
                    + MAX + "] (1000-01-01 to 2900-12-31, epoch milliseconds)");
        }
        return millis;
    }

    @Override
    Schema schema(Type.Column column) {
        return Timestamp.SCHEMA;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return v -> new Date((Long) v);
    }

    @Override
    boolean pointInTime() {
        return true;
    }

    @Override
    boolean readsAsEpochMillis() {
        return true;
    }

    private static long parse(String s) {
        String text = s.trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notNumber) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException notDateTime) {
                    try {
                        return LocalDate.parse(text).atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC).toEpochMilli();
                    } catch (DateTimeParseException e) {
                        throw cannot(s, "a timestamp (epoch milliseconds or ISO-8601)");
                    }
                }
            }
        }
    }
}
