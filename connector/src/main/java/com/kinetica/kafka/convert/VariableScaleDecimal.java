package com.kinetica.kafka.convert;

import org.apache.kafka.connect.data.Struct;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;

/**
 * Debezium's {@code io.debezium.data.VariableScaleDecimal}: {scale, value}, value being the
 * unscaled number's big-endian two's-complement bytes. Without schemas (JsonConverter's
 * {@code schemas.enable=false}) it arrives as a map of exactly these two keys, value in base64:
 * that shape is read as one too, since nothing else says what it is.
 */
final class VariableScaleDecimal {
    static final String NAME = "io.debezium.data.VariableScaleDecimal";
    private static final String SCALE = "scale";
    private static final String VALUE = "value";

    private VariableScaleDecimal() {
    }

    /** A struct of the schema, or a map of its shape, as a decimal. */
    static BigDecimal read(Object v) {
        Object scale;
        Object value;
        if (v instanceof Struct s) {
            scale = s.get(SCALE);
            value = s.get(VALUE);
        } else if (v instanceof Map<?, ?> m && isOne(m)) {
            scale = m.get(SCALE);
            value = m.get(VALUE);
        } else {
            throw Kind.cannot(v, "a VariableScaleDecimal {scale, value}");
        }
        byte[] unscaled = bytes(value);
        if (!(scale instanceof Integer || scale instanceof Long) || ((Number) scale).intValue() != ((Number) scale).longValue()
                || unscaled == null || unscaled.length == 0) {
            throw Kind.cannot(v, "a VariableScaleDecimal {scale, value}");
        }
        return new BigDecimal(new BigInteger(unscaled), ((Number) scale).intValue());
    }

    /** Whether a schemaless value has the shape of one: the keys scale (a whole number) and value (text). */
    static boolean isOne(Object v) {
        return v instanceof Map<?, ?> m && m.size() == 2 && (m.get(SCALE) instanceof Long || m.get(SCALE) instanceof Integer)
                && (m.get(VALUE) instanceof String || m.get(VALUE) instanceof byte[]);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof ByteBuffer b) {
            byte[] out = new byte[b.remaining()];
            b.duplicate().get(out);
            return out;
        }
        if (value instanceof String s) {
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
