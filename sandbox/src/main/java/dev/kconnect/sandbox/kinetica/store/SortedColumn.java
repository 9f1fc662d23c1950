package dev.kconnect.sandbox.kinetica.store;

import org.apache.avro.io.BinaryDecoder;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A table's rows in the order of one column: their record references sorted by (value, reference).
 * References grow in insertion order, so equal values keep the order a scan sees them in. Only
 * the references are kept (a primitive array, 8 bytes a row); values are read back from the
 * records when compared. Kept up to date lazily: rows appended since the last read are merged
 * in and rows deleted or replaced since are taken out when the table hands it to a reader.
 */
public final class SortedColumn {
    private record Entry(Object value, long ref) {
    }

    private final RowStore store;
    private final RowCodec codec;
    private final int column;
    private final BitSet wanted = new BitSet();
    private final Comparator<Object> order;
    private final BinaryDecoder[] decoder = new BinaryDecoder[1];
    private long[] refs = new long[0];
    /** Records appended at or after this reference are not in {@link #refs} yet. */
    private long indexedEnd;
    /** Indexed records deleted or replaced since the last catch-up. */
    private long[] removed = new long[16];
    private int removedCount;

    SortedColumn(RowStore store, RowCodec codec, int column, Comparator<Object> order) {
        this.store = store;
        this.codec = codec;
        this.column = column;
        this.wanted.set(column);
        this.order = order;
    }

    /** Rows in the order. */
    public int size() {
        return refs.length;
    }

    /** The first position whose value fails {@code before}, which must hold for a prefix of the order. */
    public int search(Predicate<Object> before) {
        int low = 0;
        int high = refs.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (before.test(valueAt(refs[middle]))) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The row at a position, with {@code columns} decoded (not decoded when empty: values null). */
    public Table.Row row(int position, BitSet columns) {
        ByteBuffer bytes = store.slice(refs[position]);
        return new Table.Row(columns.isEmpty() ? null : codec.decode(bytes, decoder, columns), bytes);
    }

    /** Notes that a record was deleted or replaced: it leaves the order at the next catch-up. */
    void removed(long ref) {
        if (ref >= indexedEnd) {
            return;   // not merged in yet; the catch-up skips it as the store does
        }
        if (removedCount == removed.length) {
            removed = Arrays.copyOf(removed, removedCount * 2);
        }
        removed[removedCount++] = ref;
    }

    /** Takes out the rows removed and merges in the rows appended since the last catch-up. */
    void catchUp() {
        if (removedCount > refs.length / 4) {
            // that many binary searches cost more than sorting again
            refs = new long[0];
            indexedEnd = 0;
            removedCount = 0;
        }
        if (removedCount > 0) {
            takeOutRemoved();
        }
        if (store.end() > indexedEnd) {
            mergeAppended();
        }
    }

    private void takeOutRemoved() {
        int[] positions = new int[removedCount];
        for (int i = 0; i < removedCount; i++) {
            positions[i] = positionOf(removed[i]);
        }
        Arrays.sort(positions);
        long[] kept = new long[refs.length - removedCount];
        int from = 0;
        int out = 0;
        for (int position : positions) {
            System.arraycopy(refs, from, kept, out, position - from);
            out += position - from;
            from = position + 1;
        }
        System.arraycopy(refs, from, kept, out, refs.length - from);
        refs = kept;
        removedCount = 0;
        removed = new long[16];
    }

    /** The position of an indexed record: its value and reference both order it. */
    private int positionOf(long ref) {
        Object value = valueAt(ref);
        int low = 0;
        int high = refs.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int c = order.compare(valueAt(refs[middle]), value);
            if (c < 0 || (c == 0 && refs[middle] < ref)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low == refs.length || refs[low] != ref) {
            throw new IllegalStateException("record " + ref + " is not in the order of column " + column);
        }
        return low;
    }

    /** Sorts the rows appended since the last catch-up and merges them in: after every equal value, as they are newer. */
    private void mergeAppended() {
        List<Entry> appended = new ArrayList<>();
        store.forEachFrom(indexedEnd, (ref, chunk, offset, length) ->
                appended.add(new Entry(codec.decode(ByteBuffer.wrap(chunk, offset, length), decoder, wanted)[column], ref)));
        indexedEnd = store.end();
        appended.sort(Comparator.comparing(Entry::value, order));   // stable: equal values stay in insertion order
        long[] merged = new long[refs.length + appended.size()];
        int from = 0;
        int out = 0;
        for (Entry entry : appended) {
            int position = after(entry.value(), from);
            System.arraycopy(refs, from, merged, out, position - from);
            out += position - from;
            from = position;
            merged[out++] = entry.ref();
        }
        System.arraycopy(refs, from, merged, out, refs.length - from);
        refs = merged;
    }

    /** The first position at or after {@code from} whose value is greater than {@code value}. */
    private int after(Object value, int from) {
        if (from == refs.length || order.compare(valueAt(refs[refs.length - 1]), value) <= 0) {
            return refs.length;   // the usual case, growing keys: no search
        }
        int low = from;
        int high = refs.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.compare(valueAt(refs[middle]), value) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private Object valueAt(long ref) {
        return codec.decode(store.slice(ref), decoder, wanted)[column];
    }
}
