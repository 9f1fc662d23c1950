package dev.kconnect.sandbox.kinetica.filter;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A parsed part of an expression: its test and its column ranges, as in {@link Filter}. */
record Part(Predicate<Object[]> test, Map<Integer, Range> within, Map<Integer, Range> accepting) {
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
