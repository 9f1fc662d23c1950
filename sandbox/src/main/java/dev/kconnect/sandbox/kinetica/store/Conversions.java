package dev.kconnect.sandbox.kinetica.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Converts stored values when a column changes type, and parses default values given as text. */
final class Conversions {
    private Conversions() {
    }

    static Object convert(Object value, BaseType to, String column) {
        if (value == null) {
            return null;
        }
        try {
            return switch (to) {
                case INT -> value instanceof Number n ? Math.toIntExact(integral(n)) : Integer.parseInt(text(value));
                case LONG -> value instanceof Number n ? integral(n) : Long.parseLong(text(value));
                case FLOAT -> value instanceof Number n ? n.floatValue() : Float.parseFloat(text(value));
                case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text(value));
                case STRING -> text(value);
                case BYTES -> value instanceof ByteBuffer b ? b : ByteBuffer.wrap(text(value).getBytes(StandardCharsets.UTF_8));
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new KineticaError("Cannot convert value '" + text(value) + "' of column '" + column
                    + "' to " + to.avroName());
        }
    }

    private static long integral(Number number) {
        if (number instanceof Float || number instanceof Double) {
            double d = number.doubleValue();
            if (d != Math.rint(d)) {
                throw new ArithmeticException("not integral");
            }
        }
        return number.longValue();
    }

    private static String text(Object value) {
        if (value instanceof ByteBuffer bytes) {
            return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
        }
        return value.toString();
    }
}
