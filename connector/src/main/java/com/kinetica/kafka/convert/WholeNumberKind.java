package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.math.BigDecimal;
import java.util.Date;
import java.util.function.Function;

/** int, int8, int16 and long columns: whole numbers in a range. */
final class WholeNumberKind extends Kind {
    static final WholeNumberKind INT = new WholeNumberKind(Integer.class, null,
            Integer.MIN_VALUE, Integer.MAX_VALUE, Schema.INT32_SCHEMA, Function.identity());
    static final WholeNumberKind INT8 = new WholeNumberKind(Integer.class, ColumnProperty.INT8,
            Byte.MIN_VALUE, Byte.MAX_VALUE, Schema.INT8_SCHEMA, v -> ((Number) v).byteValue());
    static final WholeNumberKind INT16 = new WholeNumberKind(Integer.class, ColumnProperty.INT16,
            Short.MIN_VALUE, Short.MAX_VALUE, Schema.INT16_SCHEMA, v -> ((Number) v).shortValue());
    static final WholeNumberKind LONG = new WholeNumberKind(Long.class, null,
            Long.MIN_VALUE, Long.MAX_VALUE, Schema.INT64_SCHEMA, Function.identity());

    private final long min;
    private final long max;
    private final boolean isLong;
    private final Schema schema;
    private final Function<Object, Object> toConnect;

    private WholeNumberKind(Class<?> javaType, String property, long min, long max, Schema schema,
                            Function<Object, Object> toConnect) {
        super(javaType, property);
        this.min = min;
        this.max = max;
        this.isLong = javaType == Long.class;
        this.schema = schema;
        this.toConnect = toConnect;
    }

    @Override
    Object toKinetica(Object v) {
        if (isLong) {
            return v instanceof Date d ? d.getTime() : ranged(v, min, max);
        }
        return (int) ranged(v, min, max);
    }

    @Override
    Schema schema(Type.Column column) {
        return schema;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return toConnect;
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
}
