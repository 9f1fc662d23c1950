package dev.kconnect.sandbox.kinetica.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The table's storage and key index under many inserts, upserts, deletes and a rewrite. */
class TableTest {
    static final TableType TYPE = new TableType("kv", List.of(
            new Column("k", BaseType.STRING, false, List.of("primary_key")),
            new Column("v", BaseType.LONG, false, List.of())));

    static List<Table.NewRow> rows(int from, int to, long value) {
        List<Table.NewRow> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(new Table.NewRow("key" + i, TYPE.codec().encode(new Object[] {"key" + i, value})));
        }
        return rows;
    }

    @Test
    void keepsOneRowPerKeyThroughUpsertsDeletesAndRewrites() {
        Table table = new Table("ki_home.kv", TYPE);
        assertEquals(new Table.InsertCount(50_000, 0, List.of()), table.insert(TYPE, rows(0, 50_000, 0), Table.OnExistingKey.ERROR));
        for (long round = 1; round <= 10; round++) {   // enough replaced rows to make the table rewrite itself
            assertEquals(new Table.InsertCount(0, 50_000, List.of()),
                    table.insert(TYPE, rows(0, 50_000, round), Table.OnExistingKey.UPDATE));
        }
        assertEquals(new Table.InsertCount(5, 0, List.of()), table.insert(TYPE, rows(49_995, 50_005, 99), Table.OnExistingKey.IGNORE));
        assertEquals(50_005, table.size());

        assertEquals(100, table.delete(row -> ((String) row[0]).startsWith("key1") && ((String) row[0]).length() == 6,
                new java.util.BitSet(), null));
        assertEquals(1, table.delete(Table.ALL, new java.util.BitSet(), "key20"));
        assertEquals(0, table.delete(Table.ALL, new java.util.BitSet(), "key20"));
        assertEquals(0, table.select(Table.ALL, null, "key20").rows().size());
        assertArrayEquals(new Object[] {"key21", 10L}, table.select(Table.ALL, null, "key21").rows().get(0).values());
        assertEquals(49_904, table.size());
        assertThrows(KineticaError.class, () -> table.insert(TYPE, rows(21, 22, 0), Table.OnExistingKey.ERROR));
        assertEquals(new Table.InsertCount(1, 0, List.of()), table.insert(TYPE, rows(150, 151, 7), Table.OnExistingKey.ERROR));
        assertEquals(new Table.InsertCount(1, 0, List.of(0, 2)), table.insert(TYPE, List.of(rows(21, 22, 0).get(0),
                rows(160, 161, 0).get(0), rows(160, 161, 1).get(0)), Table.OnExistingKey.REJECT),
                "a partial batch leaves out an existing key and a repeated one");

        List<Table.Row> selected = table.select(row -> row[0].equals("key150") || row[0].equals("key7"), null).rows();
        assertEquals(2, selected.size());
        assertArrayEquals(new Object[] {"key7", 10L}, selected.get(0).values());
        assertArrayEquals(new Object[] {"key150", 7L}, selected.get(1).values());
        assertArrayEquals(new Object[] {"key49999", 10L}, TYPE.codec().decode(
                table.select(row -> row[0].equals("key49999"), null).rows().get(0).bytes(), new org.apache.avro.io.BinaryDecoder[1]));
        assertEquals(49_906, table.select(Table.ALL, new java.util.BitSet()).rows().size());
    }
}
