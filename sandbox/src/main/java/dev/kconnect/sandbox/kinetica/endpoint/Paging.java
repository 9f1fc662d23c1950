package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Collects one page (offset, limit) of the rows a scan hands it, sorted when asked, and counts
 * them all. Sorted, it keeps only the first offset + limit rows in a bounded heap, and a row past
 * the heap's greatest costs one comparison: paging through a large table stays cheap.
 * Equal sort values keep insertion order.
 */
final class Paging implements Consumer<Table.Row> {
    private record Entry(Table.Row row, long sequence) {
    }

    private final Comparator<Object[]> order;
    private final Comparator<Entry> entryOrder;
    private final int offset;
    private final int end;
    private final List<Table.Row> unsorted = new ArrayList<>();
    private final PriorityQueue<Entry> firsts;
    private long total;

    /** {@code order} null keeps insertion order. */
    Paging(Comparator<Object[]> order, int offset, int limit) {
        this.order = order;
        this.offset = offset;
        this.end = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
        this.entryOrder = order == null ? null
                : Comparator.<Entry, Object[]>comparing(e -> e.row().values(), order)
                        .thenComparingLong(Entry::sequence);
        this.firsts = order == null ? null : new PriorityQueue<>(16, entryOrder.reversed());
    }

    @Override
    public void accept(Table.Row row) {
        long sequence = total++;
        if (order == null) {
            if (sequence >= offset && sequence < end) {
                unsorted.add(row);
            }
            return;
        }
        if (end == 0) {
            return;
        }
        Entry entry = new Entry(row, sequence);
        if (firsts.size() < end) {
            firsts.add(entry);
        } else if (entryOrder.compare(entry, firsts.peek()) < 0) {
            firsts.poll();   // drops the greatest: only the first `end` rows are kept
            firsts.add(entry);
        }
    }

    long total() {
        return total;
    }

    List<Table.Row> rows() {
        if (order == null) {
            return unsorted;
        }
        List<Entry> sorted = new ArrayList<>(firsts);
        sorted.sort(entryOrder);
        List<Table.Row> page = new ArrayList<>();
        for (int i = offset; i < sorted.size(); i++) {
            page.add(sorted.get(i).row());
        }
        return page;
    }
}
