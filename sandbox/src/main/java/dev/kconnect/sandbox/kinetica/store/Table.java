package dev.kconnect.sandbox.kinetica.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One table's rows, kept in insertion order and indexed by primary key (tables without one
 * get a hidden sequence number as key), so key checks never scan the table.
 */
public final class Table {
    /** What an insert does with a record whose primary key already exists. */
    public enum OnExistingKey { ERROR, UPDATE, IGNORE }

    /** Rows inserted and updated by one /insert/records call. */
    public record InsertCount(int inserted, int updated) {
    }

    /** A consistent view of the table: its type and its rows at one moment. */
    public record Snapshot(TableType type, List<Object[]> rows) {
    }

    private final String name;
    private TableType type;
    private final LinkedHashMap<Object, Object[]> rows = new LinkedHashMap<>();
    private long sequence;

    Table(String name, TableType type) {
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    public synchronized TableType type() {
        return type;
    }

    public synchronized int size() {
        return rows.size();
    }

    /**
     * Inserts decoded rows. With {@link OnExistingKey#ERROR} the whole batch is refused when any
     * key exists already or repeats inside the batch, as Kinetica refuses it.
     */
    public synchronized InsertCount insert(TableType expected, List<Object[]> batch, OnExistingKey mode) {
        if (expected != type) {
            throw new KineticaError("Type of table '" + name + "' changed; records do not match its current type");
        }
        if (type.primaryKey().length == 0) {
            for (Object[] row : batch) {
                rows.put(sequence++, row);
            }
            return new InsertCount(batch.size(), 0);
        }
        if (mode == OnExistingKey.ERROR) {
            requireNewKeys(batch);
        }
        int inserted = 0;
        int updated = 0;
        for (Object[] row : batch) {
            Object key = type.keyOf(row);
            if (!rows.containsKey(key)) {
                rows.put(key, row);
                inserted++;
            } else if (mode == OnExistingKey.UPDATE) {
                rows.put(key, row);
                updated++;
            }
        }
        return new InsertCount(inserted, updated);
    }

    private void requireNewKeys(List<Object[]> batch) {
        Set<Object> seen = new HashSet<>();
        int collisions = 0;
        Object first = null;
        for (Object[] row : batch) {
            Object key = type.keyOf(row);
            if (rows.containsKey(key) || !seen.add(key)) {
                collisions++;
                first = first == null ? key : first;
            }
        }
        if (collisions > 0) {
            throw new KineticaError("Insertion failed: " + collisions + " record(s) have a primary key value"
                    + " that already exists in table '" + name + "' (first: " + first + ");"
                    + " use option update_on_existing_pk or ignore_existing_pk");
        }
    }

    public synchronized Snapshot select(Predicate<Object[]> filter) {
        List<Object[]> selected = new ArrayList<>();
        for (Object[] row : rows.values()) {
            if (filter.test(row)) {
                selected.add(row);
            }
        }
        return new Snapshot(type, selected);
    }

    public synchronized long delete(Predicate<Object[]> filter) {
        long deleted = 0;
        for (Iterator<Object[]> it = rows.values().iterator(); it.hasNext(); ) {
            if (filter.test(it.next())) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    /** Changes the type and rewrites every row with {@code convert}; nothing changes if a row fails. */
    public synchronized void alter(TableType newType, UnaryOperator<Object[]> convert) {
        LinkedHashMap<Object, Object[]> converted = new LinkedHashMap<>();
        boolean keyed = newType.primaryKey().length > 0;
        for (Map.Entry<Object, Object[]> entry : rows.entrySet()) {
            Object[] row = convert.apply(entry.getValue());
            Object key = keyed ? newType.keyOf(row) : entry.getKey();
            if (converted.put(key, row) != null) {
                throw new KineticaError("Altering table '" + name + "' would duplicate primary key " + key);
            }
        }
        if (!keyed && type.primaryKey().length > 0) {
            converted = renumber(converted);
        }
        rows.clear();
        rows.putAll(converted);
        type = newType;
    }

    private LinkedHashMap<Object, Object[]> renumber(LinkedHashMap<Object, Object[]> keyed) {
        LinkedHashMap<Object, Object[]> numbered = new LinkedHashMap<>();
        for (Object[] row : keyed.values()) {
            numbered.put(sequence++, row);
        }
        return numbered;
    }
}
