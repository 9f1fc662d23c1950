package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** bytes and wkb columns; text is written as its UTF-8 bytes. */
final class BytesKind extends Kind {
    BytesKind() {
        super(ByteBuffer.class, null);
    }

    @Override
    Object toKinetica(Object v) {
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

    @Override
    Schema schema(Type.Column column) {
        return Schema.BYTES_SCHEMA;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return BytesKind::bytes;
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
}
