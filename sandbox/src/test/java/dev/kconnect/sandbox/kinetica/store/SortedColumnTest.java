package dev.kconnect.sandbox.kinetica.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A table's sorted column kept up to date through inserts, upserts, deletes (by key, by filter,
 * most of the table at once) and rewrites, against the order the test computes: by value, nulls
 * first, equal values in the order the rows were last written.
 */
class SortedColumnTest {
    static final TableType TYPE = new TableType("kv", List.of(
            new Column("k", BaseType.LONG, false, List.of("primary_key")),
            new Column("v", BaseType.LONG, true, List.of("nullable"))));
    static final Comparator<Object> NULLS_FIRST = Comparator.nullsFirst((a, b) -> Long.compare((Long) a, (Long) b));

    /** Value and write time of each key: the test's account of the table. */
    record Written(Long value, long time) {
    }

    final Table table = new Table("ki_home.kv", TYPE);
    final Map<Long, Written> model = new HashMap<>();
    final Random random = new Random(7);
    long clock;

    void write(List<Long> keys, Table.OnExistingKey mode) {
        List<Table.NewRow> rows = new ArrayList<>();
        for (long key : keys) {
            Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
            rows.add(new Table.NewRow(key, TYPE.codec().encode(new Object[] {key, value})));
            model.put(key, new Written(value, clock++));
        }
        table.insert(TYPE, rows, mode);
    }

    List<Long> randomKeys(int count, int bound) {
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add((long) random.nextInt(bound));
        }
        return keys;
    }

    void assertSorted() {
        List<Long> expected = model.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, Written> e) -> e.getValue().value(), NULLS_FIRST)
                        .thenComparingLong(e -> e.getValue().time()))
                .map(Map.Entry::getKey)
                .toList();
        List<Long> keys = new ArrayList<>();
        BitSet key = new BitSet();
        key.set(0);
        table.readSorted(1, NULLS_FIRST, sorted -> {
            for (int position = 0; position < sorted.size(); position++) {
                keys.add((Long) sorted.row(position, key).values()[0]);
            }
        });
        assertEquals(expected, keys);
    }

    @Test
    void staysInOrderThroughEveryChange() {
        write(randomKeys(3000, 5000).stream().distinct().toList(), Table.OnExistingKey.ERROR);
        assertSorted();
        for (int round = 0; round < 20; round++) {
            write(randomKeys(200, 6000), Table.OnExistingKey.UPDATE);
            for (long key : randomKeys(40, 6000)) {
                table.delete(Table.ALL, new BitSet(), key);
                model.remove(key);
            }
            long doomed = random.nextInt(50);
            BitSet value = new BitSet();
            value.set(1);
            table.delete(row -> row[1] != null && (Long) row[1] == doomed, value, null);
            model.values().removeIf(written -> written.value() != null && written.value() == doomed);
            if (round % 5 == 4) {
                table.delete(row -> row[1] == null || (Long) row[1] < 30, value, null);   // most rows: sorted again
                model.values().removeIf(written -> written.value() == null || written.value() < 30);
            }
            assertSorted();
        }
        table.alter(TYPE, UnaryOperator.identity());   // a rewrite: every record moves
        write(randomKeys(500, 6000), Table.OnExistingKey.UPDATE);
        assertSorted();
    }
}
