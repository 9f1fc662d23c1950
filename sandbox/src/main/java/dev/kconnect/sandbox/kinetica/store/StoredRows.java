package dev.kconnect.sandbox.kinetica.store;

import org.apache.avro.io.BinaryDecoder;

import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;

/**
 * A table's records and, when its type has a primary key, their key index (else null): made
 * empty, or rebuilt from other records by copying them (compaction) or converting them (an
 * alteration of the type).
 */
record StoredRows(RowStore store, KeyIndex index) {

    static StoredRows empty(TableType type) {
        RowStore store = new RowStore();
        return new StoredRows(store, newIndex(type, store));
    }

    /** An index over {@code store} for a type with a primary key, else null. */
    private static KeyIndex newIndex(TableType type, RowStore store) {
        if (type.primaryKey().length == 0) {
            return null;
        }
        int keyLength = type.primaryKey().length;
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        return new KeyIndex(ref -> type.codec().scan(store.slice(ref), decoder, keyLength).key());
    }

    /** The live records of {@code from}, copied as they are and indexed again: without the bytes of deleted and replaced ones. */
    static StoredRows compacted(TableType type, RowStore from) {
        StoredRows rows = empty(type);
        int keyLength = type.primaryKey().length;
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        from.forEach((ref, chunk, offset, length) -> {
            long newRef = rows.store.append(chunk, offset, length);
            if (rows.index != null) {
                rows.index.put(type.codec().scan(ByteBuffer.wrap(chunk, offset, length).slice(), decoder, keyLength)
                        .key(), newRef);
            }
        });
        return rows;
    }

    /**
     * The records of {@code from} (of type {@code was}) converted by {@code convert} into records
     * of {@code type}; fails when two of them would have the same primary key.
     */
    static StoredRows rewritten(String table, TableType was, RowStore from, TableType type,
                                UnaryOperator<Object[]> convert) {
        StoredRows rows = empty(type);
        BinaryDecoder[] decoder = new BinaryDecoder[1];
        from.forEach((ref, chunk, offset, length) -> {
            Object[] row = convert.apply(was.codec().decode(ByteBuffer.wrap(chunk, offset, length), decoder));
            byte[] bytes = type.codec().encode(row);
            long newRef = rows.store.append(bytes, 0, bytes.length);
            if (rows.index != null && rows.index.put(type.keyOf(row), newRef) >= 0) {
                throw new KineticaError("Altering table '" + table + "' would duplicate primary key "
                        + type.keyOf(row));
            }
        });
        return rows;
    }
}
