package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.util.Date;
import java.util.function.Function;

/** long columns; a date is written as its epoch milliseconds, and a source may read them as such. */
final class LongKind extends Kind {
    LongKind() {
        super(Long.class, null);
    }

    @Override
    Object toKinetica(Object v) {
        if (v instanceof Date d) {
            return d.getTime();
        }
        return WholeNumberKind.ranged(v, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    Schema schema(Type.Column column) {
        return Schema.INT64_SCHEMA;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return Function.identity();
    }

    @Override
    boolean wholeNumber() {
        return true;
    }

    @Override
    boolean readsAsEpochMillis() {
        return true;
    }
}
