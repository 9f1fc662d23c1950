package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.TableType;

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
    private static final Set<String> COMPARISONS = Set.of(">", ">=", "<", "<=", "=", "==", "!=", "<>");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "in", "between", "like");

    private final TableType type;
    private final Cursor tokens;
    private final BitSet columns = new BitSet();
    /** column = literal comparisons, while the expression is nothing but a conjunction of them. */
    private final Map<Integer, Object> equalities = new HashMap<>();
    private boolean onlyEqualities = true;

    private Filters(String text, TableType type) {
        this.type = type;
        this.tokens = new Cursor(text);
    }

    /** The filter for {@code expression}; an empty expression selects every row. */
    public static Filter parse(String expression, TableType type) {
        if (expression == null || expression.isBlank()) {
            return Filter.ALL;
        }
        try {
            Filters parser = new Filters(expression, type);
            Part part = parser.or();
            parser.tokens.expectEnd();
            Object key = parser.onlyEqualities ? KeyLookup.key(type, parser.equalities) : null;
            return new Filter(part.test(), parser.columns, key, part.within(), part.accepting());
        } catch (FilterException e) {
            throw new KineticaError("Invalid filter expression '" + expression + "': " + e.getMessage()
                    + " at position " + e.position());
        }
    }

    private Part or() {
        Part left = and();
        while (tokens.peek().isKeyword("or") || tokens.peek().isSymbol("||")) {
            tokens.next();
            onlyEqualities = false;
            left = left.or(and());
        }
        return left;
    }

    private Part and() {
        Part left = not();
        while (tokens.peek().isKeyword("and") || tokens.peek().isSymbol("&&")) {
            tokens.next();
            left = left.and(not());
        }
        return left;
    }

    private Part not() {
        if (tokens.peek().isKeyword("not") || tokens.peek().isSymbol("!")) {
            tokens.next();
            onlyEqualities = false;
            return new Part(not().test().negate());
        }
        return condition();
    }

    private Part condition() {
        if (tokens.peek().isSymbol("(")) {
            tokens.next();
            Part inner = or();
            tokens.expect(")");
            return inner;
        }
        Operand left = operand();
        Token op = tokens.peek();
        if (op.isKeyword("is")) {
            tokens.next();
            onlyEqualities = false;
            boolean negated = tokens.accept("not");
            tokens.expectKeyword("null");
            return new Part(negated ? row -> left.value(row) != null : row -> left.value(row) == null);
        }
        boolean negated = tokens.accept("not");
        onlyEqualities &= !negated;
        Predicate<Object[]> predicate;
        if (tokens.accept("in")) {
            predicate = in(left);
        } else if (tokens.accept("between")) {
            predicate = between(left);
        } else if (tokens.accept("like")) {
            predicate = like(left);
        } else if (negated) {
            throw tokens.error("expected IN, BETWEEN or LIKE after NOT", op);
        } else {
            return comparison(left);
        }
        onlyEqualities = false;
        return new Part(negated ? predicate.negate() : predicate);
    }

    private Part comparison(Operand left) {
        Token op = tokens.next();
        if (op.kind() != Token.Kind.SYMBOL || !COMPARISONS.contains(op.text())) {
            throw tokens.error("expected a comparison operator", op);
        }
        Operand right = operand();
        Operand l = Operand.coerce(left, right);
        Operand r = Operand.coerce(right, left);
        noteEquality(op.text(), l, r);
        Predicate<Object[]> test = switch (op.text()) {
            case ">" -> compare(l, r, c -> c > 0);
            case ">=" -> compare(l, r, c -> c >= 0);
            case "<" -> compare(l, r, c -> c < 0);
            case "<=" -> compare(l, r, c -> c <= 0);
            case "=", "==" -> compare(l, r, c -> c == 0);
            default -> compare(l, r, c -> c != 0);
        };
        if (l instanceof Operand.ColumnRef column && r instanceof Operand.Literal literal && inColumnOrder(column.column(), literal.value())) {
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
        if (equality && left instanceof Operand.ColumnRef c && right instanceof Operand.Literal v && v.value() != null) {
            onlyEqualities &= equalities.putIfAbsent(c.position(), v.value()) == null;
        } else if (equality && right instanceof Operand.ColumnRef c && left instanceof Operand.Literal v && v.value() != null) {
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
        tokens.expect("(");
        List<Predicate<Object[]>> equals = new ArrayList<>();
        do {
            Operand item = operand();
            equals.add(compare(Operand.coerce(left, item), Operand.coerce(item, left), c -> c == 0));
        } while (tokens.acceptSymbol(","));
        tokens.expect(")");
        return row -> equals.stream().anyMatch(p -> p.test(row));
    }

    private Predicate<Object[]> between(Operand left) {
        Operand low = operand();
        tokens.expectKeyword("and");
        Operand high = operand();
        return compare(Operand.coerce(left, low), Operand.coerce(low, left), c -> c >= 0)
                .and(compare(Operand.coerce(left, high), Operand.coerce(high, left), c -> c <= 0));
    }

    private Predicate<Object[]> like(Operand left) {
        Token token = tokens.next();
        if (token.kind() != Token.Kind.STRING) {
            throw tokens.error("expected a 'pattern' after LIKE", token);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : token.text().toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        return row -> left.value(row) instanceof String value && pattern.matcher(value).matches();
    }

    private Operand operand() {
        Token token = tokens.next();
        switch (token.kind()) {
            case NUMBER:
                return Operand.number(token.text(), false);
            case STRING:
                return new Operand.Literal(token.text());
            case QUOTED:
                return column(token);
            case IDENTIFIER:
                if (token.isKeyword("null")) {
                    return new Operand.Literal(null);
                }
                if (KEYWORDS.contains(token.text().toLowerCase(java.util.Locale.ROOT))) {
                    throw tokens.error("unexpected keyword " + token.text(), token);
                }
                return column(token);
            case SYMBOL:
                if ((token.isSymbol("-") || token.isSymbol("+")) && tokens.peek().kind() == Token.Kind.NUMBER) {
                    return Operand.number(tokens.next().text(), token.isSymbol("-"));
                }
                throw tokens.error("unexpected '" + token.text() + "'", token);
            default:
                throw tokens.error("unexpected end of expression", token);
        }
    }

    private Operand column(Token token) {
        int position = type.position(token.text());
        if (position < 0) {
            throw tokens.error("unknown column '" + token.text() + "'", token);
        }
        columns.set(position);
        return new Operand.ColumnRef(position, type.columns().get(position));
    }

}
