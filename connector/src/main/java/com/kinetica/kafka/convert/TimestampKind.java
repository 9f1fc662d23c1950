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

/** timestamp columns: a long of milliseconds since the epoch, UTC. */
final class TimestampKind extends Kind {
    TimestampKind() {
        super(Long.class, ColumnProperty.TIMESTAMP);
    }

    @Override
    Object toKinetica(Object v) {
        if (v instanceof Date d) {
            return d.getTime();
        }
        if (v instanceof String s) {
            return parse(s);
        }
        return WholeNumberKind.ranged(v, Long.MIN_VALUE, Long.MAX_VALUE);
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
