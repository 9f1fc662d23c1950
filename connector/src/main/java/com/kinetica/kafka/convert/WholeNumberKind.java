package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.math.BigDecimal;
import java.util.function.Function;

/** int, int8 and int16 columns: whole numbers in a range, as gpudb-api's Integer. */
final class WholeNumberKind extends Kind {
    static final WholeNumberKind INT = new WholeNumberKind(null,
            Integer.MIN_VALUE, Integer.MAX_VALUE, Schema.INT32_SCHEMA, Function.identity());
    static final WholeNumberKind INT8 = new WholeNumberKind(ColumnProperty.INT8,
            Byte.MIN_VALUE, Byte.MAX_VALUE, Schema.INT8_SCHEMA, v -> ((Number) v).byteValue());
    static final WholeNumberKind INT16 = new WholeNumberKind(ColumnProperty.INT16,
            Short.MIN_VALUE, Short.MAX_VALUE, Schema.INT16_SCHEMA, v -> ((Number) v).shortValue());

    private final long min;
    private final long max;
    private final Schema schema;
    private final Function<Object, Object> toConnect;

    private WholeNumberKind(String property, long min, long max, Schema schema, Function<Object, Object> toConnect) {
        super(Integer.class, property);
        this.min = min;
        this.max = max;
        this.schema = schema;
        this.toConnect = toConnect;
    }

    @Override
    Object toKinetica(Object v) {
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

    @Override
    boolean wholeNumber() {
        return true;
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
