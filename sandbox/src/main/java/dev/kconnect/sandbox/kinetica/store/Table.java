package dev.kconnect.sandbox.kinetica.store;

import org.apache.avro.io.BinaryDecoder;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One table: its type and its rows, kept as Avro binary records in a {@link RowStore} (reads send
 * them back as they came) and, when the type has a primary key, indexed by it in a
 * {@link KeyIndex}, so key checks never scan the table. Rows are decoded only when a filter or
 * a sort needs their values. Each column a sorted read pages through gets a {@link SortedColumn},
 * made at the first such read and kept up to date through inserts and deletes until the table is
 * rewritten.
 */
public final class Table {
    /**
     * What an insert does with a record whose primary key already exists (or repeats one earlier in
     * its batch): refuse the whole batch, replace the row, keep the row, or leave the record out and
     * report it (a partial batch).
     */
    public enum OnExistingKey { ERROR, UPDATE, IGNORE, REJECT }

    /** Selects every row without decoding any. */
    public static final Predicate<Object[]> ALL = row -> true;

    /** Rows inserted and updated by one /insert/records call, and the positions of the records it left out. */
    public record InsertCount(int inserted, int updated, List<Integer> rejected) {
    }

    /** A selected row: its values (null unless decoded) and its binary record. */
    public record Row(Object[] values, ByteBuffer bytes) {
    }

    /** A record to insert: its primary key (null when the table has none) and its binary form. */
    public record NewRow(Object key, byte[] bytes) {
    }

    /** A consistent view: the type and the selected rows at one moment. */
    public record Snapshot(TableType type, List<Row> rows) {
    }

    /** Told of the rows each insert adds, in the order the inserts happen: Kinetica's table monitors publish them. */
    public interface InsertListener {
        InsertListener NONE = (table, rows) -> {
        };

        /** Called with the table's lock held, so calls come in insert order: keep it short. */
        void inserted(Table table, List<byte[]> rows);
    }

    private final String name;
    private final InsertListener listener;
    private TableType type;
    private RowStore store;
    private KeyIndex index;
    /** By column position. */
    private final Map<Integer, SortedColumn> sorted = new HashMap<>();

    Table(String name, TableType type) {
        this(name, type, InsertListener.NONE);
    }

    Table(String name, TableType type, InsertListener listener) {
        this.name = name;
        this.listener = listener;
        this.type = type;
        use(StoredRows.empty(type));
    }

    public String name() {
        return name;
    }

    public synchronized TableType type() {
        return type;
    }

    public synchronized int size() {
        return store.size();
    }

    /**
     * Inserts rows checked against {@code expected}. With {@link OnExistingKey#ERROR} the whole
     * batch is refused when any key exists already or repeats inside it, as Kinetica refuses it.
     */
    public synchronized InsertCount insert(TableType expected, List<NewRow> batch, OnExistingKey mode) {
        if (expected != type) {
            throw new KineticaError("Type of table '" + name + "' changed; records do not match its current type");
        }
        if (index == null) {
            batch.forEach(row -> store.append(row.bytes(), 0, row.bytes().length));
            listener.inserted(this, batch.stream().map(NewRow::bytes).toList());
            return new InsertCount(batch.size(), 0, List.of());
        }
        if (mode == OnExistingKey.ERROR) {
            requireNewKeys(batch);
        }
        int inserted = 0;
        int updated = 0;
        List<Integer> rejected = new ArrayList<>();
        List<byte[]> added = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewRow row = batch.get(i);
            long existing;
            if (mode == OnExistingKey.UPDATE) {
                existing = index.put(row.key(), store.append(row.bytes(), 0, row.bytes().length)); // one lookup
            } else {
                existing = index.find(row.key());
                if (existing >= 0) {
                    if (mode == OnExistingKey.REJECT) {
                        rejected.add(i);
                    }
                    continue;
                }
                index.put(row.key(), store.append(row.bytes(), 0, row.bytes().length));
            }
            if (existing >= 0) {
                kill(existing);
                updated++;
            } else {
                inserted++;
                added.add(row.bytes());
            }
        }
        // only new rows: an insert monitor forwards "new record insertions", and Kinetica documents updates apart
        listener.inserted(this, added);
        if (store.wasteful()) {
            compact();
        }
        return new InsertCount(inserted, updated, rejected);
    }

    private void requireNewKeys(List<NewRow> batch) {
        List<Integer> collisions = collisions(batch);
        if (!collisions.isEmpty()) {
            throw new KineticaError("Insertion failed: " + collisions.size() + " record(s) have a primary key value"
                    + " that already exists in table '" + name + "' (first: " + batch.get(collisions.get(0)).key()
                    + "); use option update_on_existing_pk or ignore_existing_pk");
        }
    }

    /**
     * The positions of the records whose primary key exists in the table or repeats one earlier
     * in the batch: those an insert without update_on_existing_pk or ignore_existing_pk refuses.
     */
    public synchronized List<Integer> collisions(List<NewRow> batch) {
        List<Integer> collisions = new ArrayList<>();
        if (index == null) {
            return collisions;
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Object key = batch.get(i).key();
            if (index.find(key) >= 0 || !seen.add(key)) {
                collisions.add(i);
            }
        }
        return collisions;
    }

    /**
     * The rows {@code filter} accepts, in insertion order, with the {@code columns} its test and
     * the caller need decoded (none: the rows are not decoded; null: all columns).
     */
    public synchronized Snapshot select(Predicate<Object[]> filter, BitSet columns) {
        return select(filter, columns, null);
    }

    /** As {@link #select(Predicate, BitSet)}; a non-null {@code key} (the filter names one row) is looked up in the index. */
    public synchronized Snapshot select(Predicate<Object[]> filter, BitSet columns, Object key) {
        List<Row> selected = new ArrayList<>(filter == ALL ? store.size() : 16);
        return new Snapshot(scan(filter, columns, key, selected::add), selected);
    }

    /**
     * Hands the rows {@code filter} accepts to {@code sink}, in insertion order, without collecting
     * them, and returns the type they were read with. Decodes as {@link #select(Predicate, BitSet, Object)}.
     */
    public synchronized TableType scan(Predicate<Object[]> filter, BitSet columns, Object key, Consumer<Row> sink) {
        RowCodec codec = type.codec();
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        boolean decoding = columns == null || !columns.isEmpty() || filter != ALL;
        RowStore.Visitor visitor = (ref, chunk, offset, length) -> {
            ByteBuffer bytes = ByteBuffer.wrap(chunk, offset, length).slice();
            Object[] values = decoding ? codec.decode(bytes, decoder, columns) : null;
            if (!decoding || filter.test(values)) {
                sink.accept(new Row(values, bytes));
            }
        };
        if (key != null && index != null) {
            long ref = index.find(key);
            if (ref >= 0) {
                ByteBuffer bytes = store.slice(ref);
                visitor.visit(ref, bytes.array(), bytes.arrayOffset(), bytes.remaining());
            }
        } else {
            store.forEach(visitor);
        }
        return type;
    }

    /** Deletes the rows {@code filter} accepts; it reads only {@code columns}. A non-null {@code key} is looked up. */
    public synchronized long delete(Predicate<Object[]> filter, BitSet columns, Object key) {
        if (key != null && index != null) {
            long ref = index.find(key);
            if (ref < 0) {
                return 0;
            }
            index.remove(key);
            kill(ref);
            return 1;
        }
        RowCodec codec = type.codec();
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        BitSet wanted = (BitSet) columns.clone();
        for (int position : type.primaryKey()) {
            wanted.set(position);   // to take the row out of the key index
        }
        List<Long> doomed = new ArrayList<>();
        List<Object[]> doomedValues = new ArrayList<>();
        store.forEach((ref, chunk, offset, length) -> {
            Object[] values = codec.decode(ByteBuffer.wrap(chunk, offset, length), decoder, wanted);
            if (filter.test(values)) {
                doomed.add(ref);
                doomedValues.add(values);
            }
        });
        for (int i = 0; i < doomed.size(); i++) {
            if (index != null) {
                index.remove(type.keyOf(doomedValues.get(i)));
            }
            kill(doomed.get(i));
        }
        return doomed.size();
    }

    private void kill(long ref) {
        store.kill(ref);
        for (SortedColumn column : sorted.values()) {
            column.removed(ref);
        }
    }

    /**
     * Hands {@code reader} the rows sorted by the column at {@code position} in {@code order}
     * (which must be the same at every call), equal values in insertion order, and returns the
     * type they were read with. The table does not change until the reader returns.
     */
    public synchronized TableType readSorted(int position, Comparator<Object> order, Consumer<SortedColumn> reader) {
        SortedColumn column = sorted.computeIfAbsent(position, p -> new SortedColumn(store, type.codec(), p, order));
        column.catchUp();
        reader.accept(column);
        return type;
    }

    /** Changes the type and rewrites every row with {@code convert}; nothing changes if a row fails. */
    public synchronized void alter(TableType newType, UnaryOperator<Object[]> convert) {
        use(StoredRows.rewritten(name, type, store, newType, convert));
        type = newType;
    }

    /** Drops the bytes of deleted and replaced records. */
    private void compact() {
        use(StoredRows.compacted(type, store));
    }

    private void use(StoredRows rows) {
        store = rows.store();
        index = rows.index();
        sorted.clear();   // their references point into the old store
    }
}
