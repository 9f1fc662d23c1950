package dev.kconnect.sandbox.kinetica;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.GetRecordsResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sorted, filtered pages as source connectors ask for them ({@code id > last}, a timestamp range,
 * {@code ts = X} with an offset...), read through the real client from tables written in random
 * key order, with deletes, upserts, late inserts and an alter, compared with pages the test
 * computes itself: rows in order of the sort column, nulls first, equal values in the order the
 * rows were last written (as a scan of the table sees them).
 */
class KineticaEmulatorSortedReadsTest {
    static final Type ROWS = new Type("sorted_rows",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("extra", Integer.class),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP, ColumnProperty.NULLABLE),
            new Type.Column("grp", Integer.class),
            new Type.Column("name", String.class, ColumnProperty.NULLABLE),
            new Type.Column("amount", Double.class));
    static final long T0 = 1_700_000_000_000L;
    static final int MAX_GET_RECORDS_SIZE = 20_000;

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());

    /** A row as the test expects it back, and when it was last written. */
    record Row(long id, Long ts, int grp, String name, double amount, long written) {
    }

    /** What a table holds, by the test's own account. */
    static final class Model {
        final String table;
        final Map<Long, Row> rows = new HashMap<>();
        final Random random = new Random(42);
        long clock;

        Model(String table) throws GPUdbException {
            this.table = table;
            db.createTable(table, ROWS.create(db), Map.of());
        }

        /** Random values: 1 in 20 timestamps null, the others 200 values; names 1 in 10 null, 500 values. */
        Row randomRow(long id) {
            Long ts = random.nextInt(20) == 0 ? null : T0 + random.nextInt(200) * 1000L;
            return randomRow(id, ts);
        }

        Row randomRow(long id, Long ts) {
            String name = random.nextInt(10) == 0 ? null : "n" + random.nextInt(500);
            return new Row(id, ts, random.nextInt(10), name, random.nextInt(1000) * 0.5, clock++);
        }

        /** Writes rows with these ids and random values, in this order; existing ids are updated. */
        void write(List<Long> ids) throws GPUdbException {
            List<Row> written = new ArrayList<>();
            for (long id : ids) {
                written.add(randomRow(id));
            }
            put(written);
        }

        void put(List<Row> written) throws GPUdbException {
            List<GenericRecord> records = new ArrayList<>();
            for (Row row : written) {
                long id = row.id();
                rows.put(id, row);
                GenericRecord record = new GenericRecord(ROWS);
                record.put("id", row.id());
                record.put("extra", (int) id);
                record.put("ts", row.ts());
                record.put("grp", row.grp());
                record.put("name", row.name());
                record.put("amount", row.amount());
                records.add(record);
            }
            db.insertRecords(table, records, Map.of("update_on_existing_pk", "true"));
        }

        /** Deletes these ids one by one by key, as a sink's deletes do. */
        void deleteByKey(List<Long> ids) throws GPUdbException {
            List<String> expressions = new ArrayList<>();
            for (long id : ids) {
                expressions.add("id = " + id);
                rows.remove(id);
            }
            assertEquals(ids.size(), db.deleteRecords(table, expressions, Map.of()).getCountDeleted());
        }

        void delete(String expression, Predicate<Row> filter) throws GPUdbException {
            long expected = rows.values().stream().filter(filter).count();
            rows.values().removeIf(filter);
            assertEquals(expected, db.deleteRecords(table, List.of(expression), Map.of()).getCountDeleted());
        }

        /** Ids of the rows the filter accepts, sorted by key (ascending: nulls first), equal keys in the order written. */
        <T extends Comparable<T>> List<Long> sorted(Predicate<Row> filter, Function<Row, T> key, boolean descending) {
            Comparator<Row> order = Comparator.comparing(key, Comparator.nullsFirst(Comparator.<T>naturalOrder()));
            return rows.values().stream()
                    .filter(filter)
                    .sorted((descending ? order.reversed() : order).thenComparingLong(Row::written))
                    .map(Row::id)
                    .toList();
        }

        List<Long> shuffledIds(int count, long step) {
            List<Long> ids = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                ids.add(i * step);
            }
            Collections.shuffle(ids, random);
            return ids;
        }

        List<Long> someIds(int count) {
            List<Long> ids = new ArrayList<>(rows.keySet());
            Collections.sort(ids);
            Collections.shuffle(ids, random);
            return new ArrayList<>(ids.subList(0, count));
        }
    }

    /** Reads one page ascending and checks it, its total and has_more against the model; returns it. */
    static <T extends Comparable<T>> List<Long> assertPage(Model model, String expression, String sortBy, long offset,
                                                           long limit, Predicate<Row> filter, Function<Row, T> key)
            throws GPUdbException {
        return assertPage(model, expression, sortBy, false, offset, limit, filter, key);
    }

    static <T extends Comparable<T>> List<Long> assertPage(Model model, String expression, String sortBy, boolean descending,
                                                           long offset, long limit, Predicate<Row> filter, Function<Row, T> key)
            throws GPUdbException {
        GetRecordsResponse<GenericRecord> response = db.getRecords(model.table, offset, limit, Map.of("expression",
                expression, "sort_by", sortBy, "sort_order", descending ? "descending" : "ascending"));
        List<Long> all = model.sorted(filter, key, descending);
        long size = limit < 0 ? MAX_GET_RECORDS_SIZE : Math.min(limit, MAX_GET_RECORDS_SIZE);
        List<Long> expected = all.subList((int) Math.min(offset, all.size()), (int) Math.min(offset + size, all.size()));
        String what = "'" + expression + "' sorted by " + sortBy + ", offset " + offset + ", limit " + limit;
        List<Long> page = ids(response);
        assertEquals(expected, page, what);
        assertEquals(all.size(), response.getTotalNumberOfRecords(), what);
        assertEquals(offset + page.size() < all.size(), response.getHasMoreRecords(), what);
        return page;
    }

    static List<Long> ids(GetRecordsResponse<GenericRecord> response) {
        List<Long> ids = new ArrayList<>();
        for (GenericRecord record : response.getData()) {
            ids.add((Long) record.get("id"));
        }
        return ids;
    }

    /** Pages as an incrementing source does, then as a timestamp+incrementing one, and sorted reads of other shapes. */
    static void assertReadsLikeSources(Model model) throws GPUdbException {
        Long last = null;
        int read = 0;
        while (true) {
            long after = last == null ? Long.MIN_VALUE : last;
            List<Long> page = assertPage(model, last == null ? "" : "id > " + last, "id", 0, 97,
                    row -> row.id() > after, Row::id);
            if (page.isEmpty()) {
                break;
            }
            read += page.size();
            last = page.get(page.size() - 1);
        }
        assertEquals(model.rows.size(), read);

        long ts = 0;
        long id = -1;
        while (true) {
            long x = ts;
            long y = id;
            List<Long> page = assertPage(model, "(ts > " + x + ") or (ts = " + x + " and id > " + y + ")", "ts", 0, 89,
                    row -> row.ts() != null && (row.ts() > x || (row.ts() == x && row.id() > y)), Row::ts);
            if (page.isEmpty()) {
                break;
            }
            Row lastRow = model.rows.get(page.get(page.size() - 1));
            ts = lastRow.ts();
            id = lastRow.id();
        }

        long commonTs = commonest(model);
        for (long offset = 0; offset < 40; offset += 7) {
            assertPage(model, "ts = " + commonTs, "ts", offset, 7, row -> row.ts() != null && row.ts() == commonTs, Row::ts);
        }
        assertPage(model, "ts = " + commonTs + " and id > 1000", "id", 0, 5,
                row -> row.ts() != null && row.ts() == commonTs && row.id() > 1000, Row::id);
        assertPage(model, "", "ts", 0, 300, row -> true, Row::ts);
        assertPage(model, "ts < " + (T0 + 50_000), "ts", 3, 500, row -> row.ts() != null && row.ts() < T0 + 50_000, Row::ts);
        for (long offset : new long[] {0, 150, 1000, 5000}) {
            assertPage(model, "grp > 6", "grp", offset, 200, row -> row.grp() > 6, Row::grp);
        }
        assertPage(model, "grp >= 3 and grp <= 4 and name is not null", "grp", 10, 250,
                row -> row.grp() >= 3 && row.grp() <= 4 && row.name() != null, Row::grp);
        assertPage(model, "grp = 2 or grp = 5", "grp", 0, -1, row -> row.grp() == 2 || row.grp() == 5, Row::grp);
        assertPage(model, "(grp = 2 and name is null) or (grp = 5 and name > 'n3')", "grp", 0, 500,
                row -> (row.grp() == 2 && row.name() == null) || (row.grp() == 5 && row.name() != null
                        && row.name().compareTo("n3") > 0), Row::grp);
        assertPage(model, "name >= 'n3'", "name", 20, 400, row -> row.name() != null && row.name().compareTo("n3") >= 0,
                Row::name);
        assertPage(model, "amount > 100 and amount < 300.5", "amount", 0, 100_000,
                row -> row.amount() > 100 && row.amount() < 300.5, Row::amount);
        assertPage(model, "id > 20 and id < 10", "id", 0, 10, row -> false, Row::id);
        assertPage(model, "grp > 6", "grp", true, 100, 300, row -> row.grp() > 6, Row::grp);
    }

    private static long commonest(Model model) {
        Map<Long, Integer> counts = new HashMap<>();
        model.rows.values().stream().filter(row -> row.ts() != null).forEach(row -> counts.merge(row.ts(), 1, Integer::sum));
        return Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
    }

    @Test
    void sortedPagesMatchThroughDeletesUpsertsAndInserts() throws GPUdbException {
        Model model = new Model("sorted_pages");
        List<Long> ids = model.shuffledIds(3000, 2);
        for (int from = 0; from < ids.size(); from += 500) {
            model.write(ids.subList(from, from + 500));
        }
        assertReadsLikeSources(model);

        model.deleteByKey(model.someIds(100));
        model.delete("grp = 4 and id < 2000", row -> row.grp() == 4 && row.id() < 2000);
        model.write(model.someIds(300));
        List<Long> late = model.shuffledIds(400, 15);
        late.replaceAll(id -> id + 1);   // between and after the ids there, some of them updates
        model.write(late);
        assertReadsLikeSources(model);
    }

    @Test
    void theNextPageSeesRowsWrittenAfterThePreviousOne() throws GPUdbException {
        Model model = new Model("sorted_later");
        model.write(model.shuffledIds(1000, 2));
        assertEquals(List.of(0L, 2L, 4L), assertPage(model, "", "id", 0, 3, row -> true, Row::id));
        List<Long> first = assertPage(model, "id > 4", "id", 0, 100, row -> row.id() > 4, Row::id);
        assertEquals(204L, first.get(first.size() - 1));

        model.write(List.of(205L, 207L, 3L, 208L));   // 208 exists: updated
        model.deleteByKey(List.of(206L, 210L));
        List<Long> next = assertPage(model, "id > 204", "id", 0, 5, row -> row.id() > 204, Row::id);
        assertEquals(List.of(205L, 207L, 208L, 212L, 214L), next);

        // rows of one timestamp come in the order written; an update moves a row behind the others
        long ts = T0 + 999_000;
        Predicate<Row> atTs = row -> row.ts() != null && row.ts() == ts;
        model.put(List.of(model.randomRow(300, ts), model.randomRow(302, ts), model.randomRow(304, ts)));
        assertEquals(List.of(300L, 302L, 304L), assertPage(model, "ts = " + ts, "ts", 0, 10, atTs, Row::ts));
        model.put(List.of(model.randomRow(300, ts)));
        assertEquals(List.of(302L, 304L, 300L), assertPage(model, "ts = " + ts, "ts", 0, 10, atTs, Row::ts));
        assertEquals(List.of(304L, 300L), assertPage(model, "ts >= " + ts, "ts", 1, 10, atTs, Row::ts));
    }

    @Test
    void sortedPagesMatchAfterTheTableIsAltered() throws GPUdbException {
        Model model = new Model("sorted_altered");
        model.write(model.shuffledIds(2000, 1));
        assertReadsLikeSources(model);
        db.alterTable(model.table, "delete_column", "extra", Map.of());   // every column after it moves
        assertReadsLikeSources(model);
    }
}
