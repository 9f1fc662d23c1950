package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Cuts one page (offset, limit) out of selected rows, sorted when asked. Only the rows up to the
 * end of the page are ordered, with a bounded heap, so paging through a large table stays cheap.
 * Equal sort values keep insertion order.
 */
final class Paging {
    private Paging() {
    }

    static List<Table.Row> page(List<Table.Row> rows, Comparator<Object[]> order, int offset, int limit) {
        int from = Math.min(offset, rows.size());
        int to = (int) Math.min(rows.size(), (long) from + limit);
        if (order == null) {
            return rows.subList(from, to);
        }
        Comparator<Integer> byValue = (a, b) -> order.compare(rows.get(a).values(), rows.get(b).values());
        Comparator<Integer> stable = byValue.thenComparing(Comparator.naturalOrder());
        PriorityQueue<Integer> firsts = new PriorityQueue<>(Math.max(1, to), stable.reversed());
        for (int i = 0; i < rows.size(); i++) {
            firsts.add(i);
            if (firsts.size() > to) {
                firsts.poll();   // drops the greatest: only the first `to` rows are kept
            }
        }
        List<Integer> sorted = new ArrayList<>(firsts);
        sorted.sort(stable);
        List<Table.Row> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(rows.get(sorted.get(i)));
        }
        return page;
    }
}
