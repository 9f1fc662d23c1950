package dev.kconnect.sandbox.kinetica.store;

import org.apache.avro.io.BinaryDecoder;

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
 * One table's rows in insertion order, indexed by primary key (tables without one get a hidden
 * sequence number as key) so key checks never scan the table. Each row is kept as its Avro
 * binary record, one byte array: reads can send it back as is, and a million rows stay cheap
 * for the garbage collector. Rows are decoded when a filter or sort needs their values.
 */
public final class Table {
    /** What an insert does with a record whose primary key already exists. */
    public enum OnExistingKey { ERROR, UPDATE, IGNORE }

    /** Selects every row without decoding any. */
    public static final Predicate<Object[]> ALL = row -> true;

    /** Rows inserted and updated by one /insert/records call. */
    public record InsertCount(int inserted, int updated) {
    }

    /** A decoded row and its binary record. */
    public record Row(Object[] values, byte[] bytes) {
    }

    /** A record to insert: its primary key (null when the table has none) and its binary form. */
    public record NewRow(Object key, byte[] bytes) {
    }

    /** A consistent view: the type and the selected rows at one moment (values null unless decoded). */
    public record Snapshot(TableType type, List<Row> rows) {
    }

    private final String name;
    private TableType type;
    private final LinkedHashMap<Object, byte[]> rows = new LinkedHashMap<>();
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
     * Inserts rows decoded with {@code expected}. With {@link OnExistingKey#ERROR} the whole batch
     * is refused when any key exists already or repeats inside the batch, as Kinetica refuses it.
     */
    public synchronized InsertCount insert(TableType expected, List<NewRow> batch, OnExistingKey mode) {
        if (expected != type) {
            throw new KineticaError("Type of table '" + name + "' changed; records do not match its current type");
        }
        if (type.primaryKey().length == 0) {
            for (NewRow row : batch) {
                rows.put(sequence++, row.bytes());
            }
            return new InsertCount(batch.size(), 0);
        }
        if (mode == OnExistingKey.ERROR) {
            requireNewKeys(batch);
        }
        int inserted = 0;
        int updated = 0;
        for (NewRow row : batch) {
            Object key = row.key();
            if (mode == OnExistingKey.UPDATE) {
                if (rows.put(key, row.bytes()) == null) {
                    inserted++;
                } else {
                    updated++;
                }
            } else if (rows.putIfAbsent(key, row.bytes()) == null) {
                inserted++;
            }
        }
        return new InsertCount(inserted, updated);
    }

    private void requireNewKeys(List<NewRow> batch) {
        Set<Object> seen = new HashSet<>();
        int collisions = 0;
        Object first = null;
        for (NewRow row : batch) {
            Object key = row.key();
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

    /** The rows {@code filter} accepts; they are decoded when {@code decode} is set or the filter needs them. */
    public synchronized Snapshot select(Predicate<Object[]> filter, boolean decode) {
        RowCodec codec = type.codec();
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        List<Row> selected = new ArrayList<>(filter == ALL ? rows.size() : 16);
        for (byte[] bytes : rows.values()) {
            if (filter == ALL && !decode) {
                selected.add(new Row(null, bytes));
                continue;
            }
            Object[] values = codec.decode(bytes, decoder);
            if (filter.test(values)) {
                selected.add(new Row(values, bytes));
            }
        }
        return new Snapshot(type, selected);
    }

    public synchronized long delete(Predicate<Object[]> filter) {
        if (filter == ALL) {
            long deleted = rows.size();
            rows.clear();
            return deleted;
        }
        RowCodec codec = type.codec();
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        long deleted = 0;
        for (Iterator<byte[]> it = rows.values().iterator(); it.hasNext(); ) {
            if (filter.test(codec.decode(it.next(), decoder))) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    /** Changes the type and rewrites every row with {@code convert}; nothing changes if a row fails. */
    public synchronized void alter(TableType newType, UnaryOperator<Object[]> convert) {
        LinkedHashMap<Object, byte[]> converted = new LinkedHashMap<>();
        boolean keyed = newType.primaryKey().length > 0;
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        for (Map.Entry<Object, byte[]> entry : rows.entrySet()) {
            Object[] row = convert.apply(type.codec().decode(entry.getValue(), decoder));
            Object key = keyed ? newType.keyOf(row) : entry.getKey();
            if (converted.put(key, newType.codec().encode(row)) != null) {
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

    private LinkedHashMap<Object, byte[]> renumber(LinkedHashMap<Object, byte[]> keyed) {
        LinkedHashMap<Object, byte[]> numbered = new LinkedHashMap<>();
        for (byte[] row : keyed.values()) {
            numbered.put(sequence++, row);
        }
        return numbered;
    }
}
