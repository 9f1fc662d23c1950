package dev.kconnect.sandbox.kinetica.filter;

/**
 * Values of one column between two bounds, each included or not; a null bound leaves that side
 * open. Null values are never in a range. Bounds are literals that compare with the column's
 * values in the column's own order (numbers with a numeric column, strings with a string one),
 * so the values in a range are contiguous in a sort on that column.
 */
public record Range(Object low, boolean lowIncluded, Object high, boolean highIncluded) {

    /** The values {@code column <operator> literal} accepts, or null for an operator that is no range. */
    static Range of(String operator, Object literal) {
        return switch (operator) {
            case ">" -> new Range(literal, false, null, false);
            case ">=" -> new Range(literal, true, null, false);
            case "<" -> new Range(null, false, literal, false);
            case "<=" -> new Range(null, false, literal, true);
            case "=", "==" -> new Range(literal, true, literal, true);
            default -> null;
        };
    }

    /** Whether a non-null value sorts before the range. */
    public boolean below(Object value) {
        if (low == null) {
            return false;
        }
        int c = Values.compare(value, low);
        return c < 0 || (c == 0 && !lowIncluded);
    }

    /** Whether a non-null value sorts after the range. */
    public boolean above(Object value) {
        if (high == null) {
            return false;
        }
        int c = Values.compare(value, high);
        return c > 0 || (c == 0 && !highIncluded);
    }

    /** The values in both ranges. */
    Range and(Range other) {
        Range low = tighterLow(this, other) ? this : other;
        Range high = tighterHigh(this, other) ? this : other;
        return new Range(low.low, low.lowIncluded, high.high, high.highIncluded);
    }

    /** The smallest range holding both. */
    Range span(Range other) {
        Range low = tighterLow(this, other) ? other : this;
        Range high = tighterHigh(this, other) ? other : this;
        return new Range(low.low, low.lowIncluded, high.high, high.highIncluded);
    }

    /** Whether a's low bound excludes values b's lets in. */
    private static boolean tighterLow(Range a, Range b) {
        if (a.low == null) {
            return false;
        }
        int c = b.low == null ? 1 : Values.compare(a.low, b.low);
        return c > 0 || (c == 0 && !a.lowIncluded);
    }

    private static boolean tighterHigh(Range a, Range b) {
        if (a.high == null) {
            return false;
        }
        int c = b.high == null ? -1 : Values.compare(a.high, b.high);
        return c < 0 || (c == 0 && !a.highIncluded);
    }
}
