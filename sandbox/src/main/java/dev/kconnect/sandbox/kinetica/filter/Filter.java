package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.BitSet;
import java.util.function.Predicate;

/** A parsed filter expression: the row test, and the columns it reads (only those need decoding). */
public record Filter(Predicate<Object[]> test, BitSet columns) {
    /** Every row; reads no column. */
    public static final Filter ALL = new Filter(Table.ALL, new BitSet());

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
        return new Filter(test.and(other.test), both);
    }
}
