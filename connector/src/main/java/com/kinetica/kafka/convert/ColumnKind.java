package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The kinds of Kinetica column the sink writes, each with the Java class gpudb-api expects,
 * the column property that marks it, and the one place that turns a Connect value into it.
 * {@link #convert} gets a non-null value and throws {@link IllegalArgumentException} with the
 * reason when the value cannot go into such a column.
 */
public enum ColumnKind {
    INT(Integer.class, null) {
        @Override
        public Object convert(Object v) {
            return (int) ranged(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    },
    INT8(Integer.class, ColumnProperty.INT8) {
        @Override
        public Object convert(Object v) {
            return (int) ranged(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
    },
    INT16(Integer.class, ColumnProperty.INT16) {
        @Override
        public Object convert(Object v) {
            return (int) ranged(v, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    },
    BOOLEAN(Integer.class, ColumnProperty.BOOLEAN) {
        @Override
        public Object convert(Object v) {
            if (v instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (v instanceof Number n) {
                return n.longValue() != 0 ? 1 : 0;
            }
            if (v instanceof String s) {
                if (s.equalsIgnoreCase("true") || s.equals("1")) {
                    return 1;
                }
                if (s.equalsIgnoreCase("false") || s.equals("0")) {
                    return 0;
                }
            }
            throw cannot(v, "a boolean");
        }
    },
    LONG(Long.class, null) {
        @Override
        public Object convert(Object v) {
            if (v instanceof Date d) {
                return d.getTime();
            }
            return ranged(v, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    },
    /** Milliseconds since the epoch, UTC. */
    TIMESTAMP(Long.class, ColumnProperty.TIMESTAMP) {
        @Override
        public Object convert(Object v) {
            if (v instanceof Date d) {
                return d.getTime();
            }
            if (v instanceof String s) {
                return epochMillis(s);
            }
            return ranged(v, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    },
    FLOAT(Float.class, null) {
        @Override
        public Object convert(Object v) {
            if (v instanceof Number n) {
                return n.floatValue();
            }
            if (v instanceof String s) {
                try {
                    return Float.parseFloat(s.trim());
                } catch (NumberFormatException e) {
                    throw cannot(v, "a number");
                }
            }
            throw cannot(v, "a number");
        }
    },
    DOUBLE(Double.class, null) {
        @Override
        public Object convert(Object v) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof String s) {
                try {
                    return Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw cannot(v, "a number");
                }
            }
            throw cannot(v, "a number");
        }
    },
    /** Text; nested structs, maps and arrays become JSON text, bytes become base64. */
    STRING(String.class, null) {
        @Override
        public Object convert(Object v) {
            if (v instanceof String s) {
                return s;
            }
            return JsonText.scalarOrJson(v);
        }
    },
    /** {@code YYYY-MM-DD}. */
    DATE(String.class, ColumnProperty.DATE) {
        @Override
        public Object convert(Object v) {
            if (v instanceof String s) {
                return s;
            }
            return DateTimeFormatter.ISO_LOCAL_DATE.format(utc(v));
        }
    },
    /** {@code HH:MM:SS.mmm}. */
    TIME(String.class, ColumnProperty.TIME) {
        @Override
        public Object convert(Object v) {
            if (v instanceof String s) {
                return s;
            }
            return TIME_FORMAT.format(utc(v).toLocalTime());
        }
    },
    /** {@code YYYY-MM-DD HH:MM:SS.mmm}. */
    DATETIME(String.class, ColumnProperty.DATETIME) {
        @Override
        public Object convert(Object v) {
            if (v instanceof String s) {
                return s;
            }
            return DATETIME_FORMAT.format(utc(v));
        }
    },
    /** Decimal numbers as plain text, as Kinetica's decimal columns take them. */
    DECIMAL(String.class, ColumnProperty.DECIMAL) {
        @Override
        public Object convert(Object v) {
            if (v instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (v instanceof Double || v instanceof Float) {
                return BigDecimal.valueOf(((Number) v).doubleValue()).toPlainString();
            }
            if (v instanceof Number n) {
                return Long.toString(n.longValue());
            }
            if (v instanceof String s) {
                try {
                    return new BigDecimal(s.trim()).toPlainString();
                } catch (NumberFormatException e) {
                    throw cannot(v, "a decimal number");
                }
            }
            throw cannot(v, "a decimal number");
        }
    },
    BYTES(ByteBuffer.class, null) {
        @Override
        public Object convert(Object v) {
            if (v instanceof byte[] b) {
                return ByteBuffer.wrap(b);
            }
            if (v instanceof ByteBuffer b) {
                return b;
            }
            if (v instanceof String s) {
                return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
            }
            throw cannot(v, "bytes");
        }
    };

    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter DATETIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Class<?> javaType;
    private final String property;

    ColumnKind(Class<?> javaType, String property) {
        this.javaType = javaType;
        this.property = property;
    }

    /** Turns a non-null Connect value into what gpudb-api expects for this kind of column. */
    public abstract Object convert(Object value);

    /** The column to create for this kind. Primary key columns are never nullable. */
    public Type.Column column(String name, boolean nullable, boolean primaryKey) {
        List<String> props = new java.util.ArrayList<>(3);
        if (property != null) {
            props.add(property);
        }
        if (primaryKey) {
            props.add(ColumnProperty.PRIMARY_KEY);
        } else if (nullable) {
            props.add(ColumnProperty.NULLABLE);
        }
        return new Type.Column(name, javaType, props);
    }

    /** The kind of an existing column. Unknown string flavours (charN, uuid, wkt, ...) are {@link #STRING}. */
    public static ColumnKind of(Type.Column column) {
        Class<?> type = column.getType();
        if (type == Integer.class) {
            if (column.hasProperty(ColumnProperty.BOOLEAN)) {
                return BOOLEAN;
            }
            if (column.hasProperty(ColumnProperty.INT8)) {
                return INT8;
            }
            return column.hasProperty(ColumnProperty.INT16) ? INT16 : INT;
        }
        if (type == Long.class) {
            return column.hasProperty(ColumnProperty.TIMESTAMP) ? TIMESTAMP : LONG;
        }
        if (type == Float.class) {
            return FLOAT;
        }
        if (type == Double.class) {
            return DOUBLE;
        }
        if (type == ByteBuffer.class) {
            return BYTES;
        }
        if (column.hasProperty(ColumnProperty.DATE)) {
            return DATE;
        }
        if (column.hasProperty(ColumnProperty.TIME)) {
            return TIME;
        }
        if (column.hasProperty(ColumnProperty.DATETIME)) {
            return DATETIME;
        }
        return column.hasProperty(ColumnProperty.DECIMAL) ? DECIMAL : STRING;
    }

    static long ranged(Object v, long min, long max) {
        long value;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            value = ((Number) v).longValue();
        } else if (v instanceof Boolean b) {
            value = b ? 1 : 0;
        } else if (v instanceof BigDecimal d) {
            try {
                value = d.longValueExact();
            } catch (ArithmeticException e) {
                throw cannot(v, "a whole number");
            }
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw cannot(v, "a whole number");
            }
            value = (long) d;
        } else if (v instanceof String s) {
            try {
                value = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw cannot(v, "a whole number");
            }
        } else {
            throw cannot(v, "a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("value " + value + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    private static LocalDateTime utc(Object v) {
        if (v instanceof Date d) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(d.getTime()), ZoneOffset.UTC);
        }
        if (v instanceof Long || v instanceof Integer) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) v).longValue()), ZoneOffset.UTC);
        }
        throw cannot(v, "a date or time");
    }

    private static long epochMillis(String s) {
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

    static IllegalArgumentException cannot(Object v, String what) {
        String shown = String.valueOf(v);
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new IllegalArgumentException(v.getClass().getSimpleName() + " value '" + shown + "' is not " + what);
    }

    /** Base64 text of bytes, for string columns. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
