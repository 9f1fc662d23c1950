package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * uuid columns: text in the canonical 8-4-4-4-12 hex form. Checked here, so that a value that is
 * not one fails alone with its reason instead of making Kinetica refuse its whole batch.
 */
final class UuidKind extends Kind {
    private static final Pattern CANONICAL = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    UuidKind() {
        super(String.class, ColumnProperty.UUID);
    }

    @Override
    Object toKinetica(Object v) {
        if (v instanceof UUID u) {
            return u.toString();
        }
        if (v instanceof String s && CANONICAL.matcher(s).matches()) {
            return s;
        }
        throw cannot(v, "a UUID (8-4-4-4-12 hex digits)");
    }

    @Override
    Schema schema(Type.Column column) {
        return Schema.STRING_SCHEMA;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return Object::toString;
    }
}
