package com.kinetica.kafka.convert;

import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;

import java.util.function.Function;

/** float and double columns; a schemaless VariableScaleDecimal (a map) is read as its number. */
final class FloatingKind extends Kind {
    static final FloatingKind FLOAT = new FloatingKind(Float.class, Schema.FLOAT32_SCHEMA);
    static final FloatingKind DOUBLE = new FloatingKind(Double.class, Schema.FLOAT64_SCHEMA);

    private final boolean isFloat;
    private final Schema schema;

    private FloatingKind(Class<?> javaType, Schema schema) {
        super(javaType, null);
        this.isFloat = javaType == Float.class;
        this.schema = schema;
    }

    @Override
    Object toKinetica(Object v) {
        if (v instanceof Number n) {
            return isFloat ? (Object) n.floatValue() : (Object) n.doubleValue();
        }
        if (VariableScaleDecimal.isOne(v)) {
            return toKinetica(VariableScaleDecimal.read(v));
        }
        if (v instanceof String s) {
            try {
                return isFloat ? (Object) Float.parseFloat(s.trim()) : (Object) Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw cannot(v, "a number");
            }
        }
        throw cannot(v, "a number");
    }

    @Override
    Schema schema(Type.Column column) {
        return schema;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return Function.identity();
    }
}
