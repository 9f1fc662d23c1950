package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Text columns (string, charN, ipv4, uuid, wkt, json, array, vector: Connect sees the text
 * Kinetica returns), and ulong, text that reads as a decimal with scale 0 (it does not fit INT64).
 * Nested structs, maps and arrays are written as JSON text, bytes as base64.
 */
final class StringKind extends Kind {
    static final StringKind STRING = new StringKind(null, Schema.STRING_SCHEMA, Object::toString);
    static final StringKind ULONG = new StringKind(ColumnProperty.ULONG, Decimal.schema(0),
            v -> new BigDecimal(v.toString()));

    private static final String CHAR = "char";

    private final Schema schema;
    private final Function<Object, Object> toConnect;

    private StringKind(String property, Schema schema, Function<Object, Object> toConnect) {
        super(String.class, property);
        this.schema = schema;
        this.toConnect = toConnect;
    }

    @Override
    Object toKinetica(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return JsonText.scalarOrJson(v);
    }

    @Override
    Schema schema(Type.Column column) {
        return schema;
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        return toConnect;
    }

    /** charN columns hold at most N characters; an unreadable N (not Kinetica's) limits nothing. */
    @Override
    int maxLength(Type.Column column) {
        for (String p : column.getProperties()) {
            if (p.startsWith(CHAR)) {
                try {
                    return Integer.parseInt(p.substring(CHAR.length()));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** The property of a charN column. */
    static String charProperty(int length) {
        return CHAR + length;
    }
}
