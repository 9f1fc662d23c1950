package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.BitSet;
import java.util.function.Predicate;

/**
 * A parsed filter expression: the row test, the columns it reads (only those need decoding), and
 * the primary key it names when it is nothing but {@code key column = value} comparisons (else null).
 */
public record Filter(Predicate<Object[]> test, BitSet columns, Object key) {
    /** Every row; reads no column. */
    public static final Filter ALL = new Filter(Table.ALL, new BitSet(), null);

    public Filter {
        columns = (BitSet) columns.clone();
    }

    /** The columns the test reads: a copy, free to extend. */
    @Override
    public BitSet columns() {
        return (BitSet) columns.clone();
    }

    public Filter and(Filter other) {
        if (this == ALL) {
            return other;
        }
        BitSet both = (BitSet) columns.clone();
        both.or(other.columns);
        return new Filter(test.and(other.test), both, null);
    }
}
