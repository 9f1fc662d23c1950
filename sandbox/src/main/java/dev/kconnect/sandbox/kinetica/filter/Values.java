package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.KineticaError;

import java.nio.ByteBuffer;

/** Comparison of column values and literals the way SQL compares them (numbers by value). */
public final class Values {
    private Values() {
    }

    /** Compares two non-null values; numbers compare with strings that hold a number. */
    public static int compare(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            if (isIntegral(l) && isIntegral(r)) {
                return Long.compare(l.longValue(), r.longValue());
            }
            return Double.compare(l.doubleValue(), r.doubleValue());
        }
        if (left instanceof String l && right instanceof String r) {
            return l.compareTo(r);
        }
        if (left instanceof Number l && right instanceof String r) {
            return compare(l, number(r));
        }
        if (left instanceof String l && right instanceof Number r) {
            return compare(number(l), r);
        }
        if (left instanceof ByteBuffer l && right instanceof ByteBuffer r) {
            return l.compareTo(r);
        }
        throw new KineticaError("Cannot compare " + describe(left) + " with " + describe(right));
    }

    /** Ascending order with nulls first, for sort_by. */
    public static int compareNullsFirst(Object left, Object right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        return compare(left, right);
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Long || number instanceof Integer;
    }

    static Number number(String text) {
        try {
            if (text.matches("[+-]?\\d+")) {
                return Long.parseLong(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new KineticaError("Cannot compare the string '" + text + "' with a number");
        }
    }

    private static String describe(Object value) {
        return value instanceof String ? "string '" + value + "'" : value.getClass().getSimpleName() + " " + value;
    }
}
