package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.Column;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** An operand of a comparison: a column of the row or a literal. */
interface Operand {
    Object value(Object[] row);

    record Literal(Object value) implements Operand {
        @Override
        public Object value(Object[] row) {
            return value;
        }
    }

    record ColumnRef(int position, Column column) implements Operand {
        @Override
        public Object value(Object[] row) {
            return row[position];
        }
    }

    /** A number literal: a whole number as Long, unless too big for one, else a Double. */
    static Literal number(String text, boolean negative) {
        String signed = negative ? "-" + text : text;
        try {
            return new Literal(text.matches("\\d+") ? (Number) Long.parseLong(signed) : (Number) Double.parseDouble(signed));
        } catch (NumberFormatException e) {
            return new Literal(Double.parseDouble(signed));
        }
    }

    /** A string literal compared with a timestamp column is a date-time: it becomes epoch milliseconds. */
    static Operand coerce(Operand operand, Operand other) {
        if (operand instanceof Literal literal && literal.value() instanceof String text
                && other instanceof ColumnRef ref && ref.column().has("timestamp")) {
            return new Literal(epochMillis(text));
        }
        return operand;
    }

    private static Object epochMillis(String text) {
        String value = text.trim().replace('T', ' ');
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return text;   // a number in a string, or an error when compared
        }
    }
}
