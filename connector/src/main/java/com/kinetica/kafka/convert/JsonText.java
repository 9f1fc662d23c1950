package com.kinetica.kafka.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * Text for string columns. Nested structs, maps and arrays are written as JSON (struct fields
 * in schema order, bytes as base64, dates as ISO-8601 instants, decimals as numbers), which
 * Kinetica's JSON functions can read back.
 */
public final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** The text of a scalar, or the JSON of a struct, map or collection. */
    public static String scalarOrJson(Object v) {
        if (v instanceof Struct || v instanceof Map || v instanceof Collection || v instanceof Object[]) {
            return json(v);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof ByteBuffer b) {
            return Base64.getEncoder().encodeToString(bytes(b));
        }
        if (v instanceof Date d) {
            return Instant.ofEpochMilli(d.getTime()).toString();
        }
        return String.valueOf(v);
    }

    /** The JSON text of any Connect value. */
    public static String json(Object v) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(gen, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator gen, Object v) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof Struct s) {
            gen.writeStartObject();
            for (Field f : s.schema().fields()) {
                gen.writeFieldName(f.name());
                write(gen, s.get(f));
            }
            gen.writeEndObject();
        } else if (v instanceof Map<?, ?> m) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                write(gen, e.getValue());
            }
            gen.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            gen.writeStartArray();
            for (Object item : c) {
                write(gen, item);
            }
            gen.writeEndArray();
        } else if (v instanceof Object[] a) {
            gen.writeStartArray();
            for (Object item : a) {
                write(gen, item);
            }
            gen.writeEndArray();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            gen.writeNumber(d);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            gen.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            gen.writeNumber(n.doubleValue());
        } else {
            gen.writeString(scalarOrJson(v));
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer copy = b.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
