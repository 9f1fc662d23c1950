package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.filter.Filter;
import dev.kconnect.sandbox.kinetica.filter.Range;
import dev.kconnect.sandbox.kinetica.store.SortedColumn;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * One page (offset, limit) of the rows a filter accepts, sorted ascending by a column the filter
 * has a range on, read through the table's {@link SortedColumn}: two binary searches find where
 * the filter's range lies, rows there are tested one by one, except in its accepting range,
 * whose rows are all counted and only the page's read. The same rows, order and total as
 * {@link Paging} over a scan, for O(log n + page) when the range is what the filter tests
 * (as a source's {@code id > last} is), instead of a scan per page.
 */
final class SortedPaging implements Consumer<SortedColumn> {
    private static final BitSet NO_COLUMNS = new BitSet();

    private final Filter filter;
    private final int column;
    private final int offset;
    private final long end;
    private final List<Table.Row> rows = new ArrayList<>();
    private long total;

    SortedPaging(Filter filter, int column, int offset, int limit) {
        this.filter = filter;
        this.column = column;
        this.offset = offset;
        this.end = (long) offset + limit;
    }

    /** Whether a sorted read of {@code column} has a range of rows to go to, or reads all (no filter). */
    static boolean applies(Filter filter, int column) {
        return filter.test() == Table.ALL || filter.within().containsKey(column);
    }

    @Override
    public void accept(SortedColumn sorted) {
        if (filter.test() == Table.ALL) {
            take(sorted, 0, sorted.size());
            return;
        }
        Range within = filter.within().get(column);
        int start = start(sorted, within);
        int stop = Math.max(start, stop(sorted, within));
        Range accepting = filter.accepting().get(column);
        int acceptedStart = accepting == null ? stop : Math.min(Math.max(start(sorted, accepting), start), stop);
        int acceptedStop = accepting == null ? stop : Math.min(Math.max(stop(sorted, accepting), acceptedStart), stop);
        test(sorted, start, acceptedStart);
        take(sorted, acceptedStart, acceptedStop);
        test(sorted, acceptedStop, stop);
    }

    /** The first position in or after the range (nulls sort first, and no range holds them). */
    private static int start(SortedColumn sorted, Range range) {
        return sorted.search(value -> value == null || range.below(value));
    }

    /** The first position after the range. */
    private static int stop(SortedColumn sorted, Range range) {
        return sorted.search(value -> value == null || !range.above(value));
    }

    private void test(SortedColumn sorted, int from, int to) {
        BitSet columns = filter.columns();
        for (int position = from; position < to; position++) {
            Table.Row row = sorted.row(position, columns);
            if (filter.test().test(row.values())) {
                if (total >= offset && total < end) {
                    rows.add(row);
                }
                total++;
            }
        }
    }

    /** Rows the filter accepts without a test: only those in the page are read. */
    private void take(SortedColumn sorted, int from, int to) {
        long first = Math.max(from, from + offset - total);
        long last = Math.min(to, from + end - total);
        for (long position = first; position < last; position++) {
            rows.add(sorted.row((int) position, NO_COLUMNS));
        }
        total += to - from;
    }

    long total() {
        return total;
    }

    List<Table.Row> rows() {
        return rows;
    }
}
