package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.util.function.Function;

/** boolean columns: an int holding 1 or 0. */
final class BooleanKind extends Kind {
    BooleanKind() {
        super(Integer.class, ColumnProperty.BOOLEAN);
    }

    @Override
    Object toKinetica(Object v) {
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

    @Override
    Schema schema(Type.Column column) {
        return Schema.BOOLEAN_SCHEMA;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return v -> ((Number) v).intValue() != 0;
    }
}
