package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.BitSet;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parsed filter expression: the row test, the columns it reads (only those need decoding), and
 * the primary key it names when it is nothing but {@code key column = value} comparisons (else null).
 * By column position, {@code within} holds the range every row it accepts has its value in (no
 * entry: any value, or null) and {@code accepting} a range of values that make it accept a row
 * whatever the row's other columns (no entry: none known), so a sorted read need test rows only
 * in the first and not even there in the second.
 */
public record Filter(Predicate<Object[]> test, BitSet columns, Object key,
                     Map<Integer, Range> within, Map<Integer, Range> accepting) {
    /** Every row; reads no column. */
    public static final Filter ALL = new Filter(Table.ALL, new BitSet(), null, Map.of(), Map.of());

    public Filter {
        columns = (BitSet) columns.clone();
        within = Map.copyOf(within);
        accepting = Map.copyOf(accepting);
    }

    /** The columns the test reads: a copy, free to extend. */
    @Override
    public BitSet columns() {
        return (BitSet) columns.clone();
    }

    /** Both filters; knows no ranges (only deletes combine filters). */
    public Filter and(Filter other) {
        if (this == ALL) {
            return other;
        }
        BitSet both = (BitSet) columns.clone();
        both.or(other.columns);
        return new Filter(test.and(other.test), both, null, Map.of(), Map.of());
    }
}
