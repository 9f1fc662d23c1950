package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Parses Kinetica filter expressions into row predicates: comparisons ({@code > >= < <= = == != <>}),
 * {@code and}/{@code or}/{@code not} (also {@code && || !}), parentheses, {@code is [not] null},
 * {@code [not] in (...)}, {@code [not] between a and b}, {@code [not] like 'p%'}. Anything else is
 * a syntax error: a filter is never silently ignored. Comparisons of a column with a literal also
 * give the filter its column ranges ({@link Filter#within()}, {@link Filter#accepting()}), through
 * {@code and} and {@code or}; anything else leaves them unknown.
 */
public final class Filters {
    /** An operand: a column of the row or a literal. */
    private interface Operand {
        Object value(Object[] row);
    }

    private record Literal(Object value) implements Operand {
        @Override
        public Object value(Object[] row) {
            return value;
        }
    }

    private record ColumnRef(int position, Column column) implements Operand {
        @Override
        public Object value(Object[] row) {
            return row[position];
        }
    }

    /** A parsed part of the expression: its test and its column ranges, as in {@link Filter}. */
    private record Part(Predicate<Object[]> test, Map<Integer, Range> within, Map<Integer, Range> accepting) {
        /** A part whose ranges are unknown. */
        Part(Predicate<Object[]> test) {
            this(test, Map.of(), Map.of());
        }

        Part and(Part other) {
            Map<Integer, Range> bothWithin = new HashMap<>(within);
            other.within.forEach((column, range) -> bothWithin.merge(column, range, Range::and));
            Map<Integer, Range> bothAccepting = new HashMap<>();
            accepting.forEach((column, range) -> {
                if (other.accepting.containsKey(column)) {
                    bothAccepting.put(column, range.and(other.accepting.get(column)));
                }
            });
            return new Part(test.and(other.test), bothWithin, bothAccepting);
        }

        Part or(Part other) {
            Map<Integer, Range> eitherWithin = new HashMap<>();
            within.forEach((column, range) -> {
                if (other.within.containsKey(column)) {
                    eitherWithin.put(column, range.span(other.within.get(column)));
                }
            });
            // either side's accepting range accepts: keep one
            Map<Integer, Range> eitherAccepting = new HashMap<>(other.accepting);
            eitherAccepting.putAll(accepting);
            return new Part(test.or(other.test), eitherWithin, eitherAccepting);
        }
    }

    private static final Set<String> COMPARISONS = Set.of(">", ">=", "<", "<=", "=", "==", "!=", "<>");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "in", "between", "like");

    private final TableType type;
    private final List<Token> tokens;
    private final BitSet columns = new BitSet();
    /** column = literal comparisons, while the expression is nothing but a conjunction of them. */
    private final Map<Integer, Object> equalities = new HashMap<>();
    private boolean onlyEqualities = true;
    private int at;

    private Filters(String text, TableType type) {
        this.type = type;
        this.tokens = Lexer.tokens(text);
    }

    /** The filter for {@code expression}; an empty expression selects every row. */
    public static Filter parse(String expression, TableType type) {
        if (expression == null || expression.isBlank()) {
            return Filter.ALL;
        }
        try {
            Filters parser = new Filters(expression, type);
            Part part = parser.or();
            parser.expectEnd();
            Object key = parser.onlyEqualities ? KeyLookup.key(type, parser.equalities) : null;
            return new Filter(part.test(), parser.columns, key, part.within(), part.accepting());
        } catch (FilterException e) {
            throw new KineticaError("Invalid filter expression '" + expression + "': " + e.getMessage()
                    + " at position " + e.position());
        }
    }

    private Part or() {
        Part left = and();
        while (peek().isKeyword("or") || peek().isSymbol("||")) {
            at++;
            onlyEqualities = false;
            left = left.or(and());
        }
        return left;
    }

    private Part and() {
        Part left = not();
        while (peek().isKeyword("and") || peek().isSymbol("&&")) {
            at++;
            left = left.and(not());
        }
        return left;
    }

    private Part not() {
        if (peek().isKeyword("not") || peek().isSymbol("!")) {
            at++;
            onlyEqualities = false;
            return new Part(not().test().negate());
        }
        return condition();
    }

    private Part condition() {
        if (peek().isSymbol("(")) {
            at++;
            Part inner = or();
            expect(")");
            return inner;
        }
        Operand left = operand();
        Token op = peek();
        if (op.isKeyword("is")) {
            at++;
            onlyEqualities = false;
            boolean negated = accept("not");
            expectKeyword("null");
            return new Part(negated ? row -> left.value(row) != null : row -> left.value(row) == null);
        }
        boolean negated = accept("not");
        onlyEqualities &= !negated;
        Predicate<Object[]> predicate;
        if (accept("in")) {
            predicate = in(left);
        } else if (accept("between")) {
            predicate = between(left);
        } else if (accept("like")) {
            predicate = like(left);
        } else if (negated) {
            throw error("expected IN, BETWEEN or LIKE after NOT", op);
        } else {
            return comparison(left);
        }
        onlyEqualities = false;
        return new Part(negated ? predicate.negate() : predicate);
    }

    private Part comparison(Operand left) {
        Token op = next();
        if (op.kind() != Token.Kind.SYMBOL || !COMPARISONS.contains(op.text())) {
            throw error("expected a comparison operator", op);
        }
        Operand right = operand();
        Operand l = coerce(left, right);
        Operand r = coerce(right, left);
        noteEquality(op.text(), l, r);
        Predicate<Object[]> test = switch (op.text()) {
            case ">" -> compare(l, r, c -> c > 0);
            case ">=" -> compare(l, r, c -> c >= 0);
            case "<" -> compare(l, r, c -> c < 0);
            case "<=" -> compare(l, r, c -> c <= 0);
            case "=", "==" -> compare(l, r, c -> c == 0);
            default -> compare(l, r, c -> c != 0);
        };
        if (l instanceof ColumnRef column && r instanceof Literal literal && inColumnOrder(column.column(), literal.value())) {
            Range range = Range.of(op.text(), literal.value());
            if (range != null) {
                Map<Integer, Range> ranges = Map.of(column.position(), range);
                return new Part(test, ranges, ranges);
            }
        }
        return new Part(test);
    }

    /** Whether the literal compares with the column's values as they sort: then the values it selects are contiguous. */
    private static boolean inColumnOrder(Column column, Object literal) {
        return switch (column.type()) {
            case INT, LONG, FLOAT, DOUBLE -> literal instanceof Number;
            case STRING -> literal instanceof String;
            case BYTES -> false;
        };
    }

    private void noteEquality(String op, Operand left, Operand right) {
        boolean equality = op.equals("=") || op.equals("==");
        if (equality && left instanceof ColumnRef c && right instanceof Literal v && v.value() != null) {
            onlyEqualities &= equalities.putIfAbsent(c.position(), v.value()) == null;
        } else if (equality && right instanceof ColumnRef c && left instanceof Literal v && v.value() != null) {
            onlyEqualities &= equalities.putIfAbsent(c.position(), v.value()) == null;
        } else {
            onlyEqualities = false;
        }
    }

    /** A comparison with a null on either side matches no row, as in SQL. */
    private static Predicate<Object[]> compare(Operand left, Operand right, IntPredicate outcome) {
        return row -> {
            Object l = left.value(row);
            Object r = right.value(row);
            return l != null && r != null && outcome.test(Values.compare(l, r));
        };
    }

    private Predicate<Object[]> in(Operand left) {
        expect("(");
        List<Predicate<Object[]>> equals = new ArrayList<>();
        do {
            Operand item = operand();
            equals.add(compare(coerce(left, item), coerce(item, left), c -> c == 0));
        } while (acceptSymbol(","));
        expect(")");
        return row -> equals.stream().anyMatch(p -> p.test(row));
    }

    private Predicate<Object[]> between(Operand left) {
        Operand low = operand();
        expectKeyword("and");
        Operand high = operand();
        return compare(coerce(left, low), coerce(low, left), c -> c >= 0)
                .and(compare(coerce(left, high), coerce(high, left), c -> c <= 0));
    }

    private Predicate<Object[]> like(Operand left) {
        Token token = next();
        if (token.kind() != Token.Kind.STRING) {
            throw error("expected a 'pattern' after LIKE", token);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : token.text().toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        return row -> left.value(row) instanceof String value && pattern.matcher(value).matches();
    }

    private Operand operand() {
        Token token = next();
        switch (token.kind()) {
            case NUMBER:
                return new Literal(number(token.text(), false));
            case STRING:
                return new Literal(token.text());
            case QUOTED:
                return column(token);
            case IDENTIFIER:
                if (token.isKeyword("null")) {
                    return new Literal(null);
                }
                if (KEYWORDS.contains(token.text().toLowerCase(java.util.Locale.ROOT))) {
                    throw error("unexpected keyword " + token.text(), token);
                }
                return column(token);
            case SYMBOL:
                if ((token.isSymbol("-") || token.isSymbol("+")) && peek().kind() == Token.Kind.NUMBER) {
                    return new Literal(number(next().text(), token.isSymbol("-")));
                }
                throw error("unexpected '" + token.text() + "'", token);
            default:
                throw error("unexpected end of expression", token);
        }
    }

    private Operand column(Token token) {
        int position = type.position(token.text());
        if (position < 0) {
            throw error("unknown column '" + token.text() + "'", token);
        }
        columns.set(position);
        return new ColumnRef(position, type.columns().get(position));
    }

    private static Number number(String text, boolean negative) {
        String signed = negative ? "-" + text : text;
        try {
            return text.matches("\\d+") ? (Number) Long.parseLong(signed) : (Number) Double.parseDouble(signed);
        } catch (NumberFormatException e) {
            return Double.parseDouble(signed);
        }
    }

    /** A string literal compared with a timestamp column is a date-time: it becomes epoch milliseconds. */
    private Operand coerce(Operand operand, Operand other) {
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

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) {
            at++;
        }
        return token;
    }

    private boolean accept(String keyword) {
        if (peek().isKeyword(keyword)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("expected '" + symbol + "'", peek());
        }
    }

    private void expectKeyword(String keyword) {
        if (!accept(keyword)) {
            throw error("expected " + keyword.toUpperCase(java.util.Locale.ROOT), peek());
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw error("unexpected '" + peek().text() + "'", peek());
        }
    }

    private FilterException error(String message, Token token) {
        return new FilterException(token.kind() == Token.Kind.END && !message.startsWith("unexpected end")
                ? message + " but the expression ended" : message, token.position());
    }
}
