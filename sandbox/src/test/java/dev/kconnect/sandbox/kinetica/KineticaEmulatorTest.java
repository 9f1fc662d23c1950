package dev.kconnect.sandbox.kinetica;

import com.gpudb.BulkInserter;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.DeleteRecordsResponse;
import com.gpudb.protocol.GetRecordsResponse;
import com.gpudb.protocol.InsertRecordsResponse;
import com.gpudb.protocol.ShowTableResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real gpudb-api client against the emulator: types, tables, inserts, reads. */
class KineticaEmulatorTest {
    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());

    static final Type ORDERS = new Type("orders",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("customer", String.class, ColumnProperty.CHAR16, ColumnProperty.NULLABLE),
            new Type.Column("amount", Double.class),
            new Type.Column("qty", Integer.class),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP));

    static String createOrders(String table) throws GPUdbException {
        String typeId = ORDERS.create(db);
        db.createTable(table, typeId, Map.of());
        return typeId;
    }

    static GenericRecord order(long id, String customer, double amount) {
        GenericRecord record = new GenericRecord(ORDERS);
        record.put("id", id);
        record.put("customer", customer);
        record.put("amount", amount);
        record.put("qty", (int) (id % 7));
        record.put("ts", 1_700_000_000_000L + id * 1000);
        return record;
    }

    static void bulkInsert(String table, int from, int to, Map<String, String> options) throws GPUdbException {
        try (BulkInserterCloser inserter = new BulkInserterCloser(
                new BulkInserter<GenericRecord>(db, table, ORDERS, 100, options))) {
            for (int i = from; i < to; i++) {
                inserter.bulk.insert(order(i, i % 10 == 0 ? null : "c" + (i % 5), i * 1.5));
            }
            inserter.bulk.flush();
        }
    }

    /** BulkInserter.close throws a checked exception; this lets try-with-resources close it. */
    record BulkInserterCloser(BulkInserter<GenericRecord> bulk) implements AutoCloseable {
        @Override
        public void close() throws GPUdbException {
            bulk.close();
        }
    }

    static List<Long> ids(GetRecordsResponse<GenericRecord> response) {
        List<Long> ids = new ArrayList<>();
        for (GenericRecord record : response.getData()) {
            ids.add((Long) record.get("id"));
        }
        return ids;
    }

    @Test
    void connectsWithAutoDiscovery() throws GPUdbException {
        GPUdb discovering = new GPUdb(emu.url(), new GPUdb.Options());
        assertEquals("running", discovering.showSystemStatus(Map.of()).getStatusMap().get("system")
                .replaceAll(".*\"status\":\"(\\w+)\".*", "$1"));
        assertEquals(7, discovering.getServerVersion().getMajor());

        GPUdb byName = new GPUdb("http://localhost:" + emu.port(), new GPUdb.Options());
        assertEquals("http://localhost:" + emu.port(), byName.getURL().toString());
        createOrders("discovered");
        assertTrue(byName.hasTable("discovered", Map.of()).getTableExists());
    }

    @Test
    void createsTypeAndTableThatTheClientReadsBack() throws GPUdbException {
        createOrders("type_roundtrip");
        assertTrue(db.hasTable("type_roundtrip", Map.of()).getTableExists());
        assertFalse(db.hasTable("no_such_table", Map.of()).getTableExists());
        ShowTableResponse shown = db.showTable("type_roundtrip", Map.of());
        assertEquals(List.of("ki_home.type_roundtrip"), shown.getTableNames());
        Type read = Type.fromTable(db, "type_roundtrip");
        assertEquals(List.of("id", "customer", "amount", "qty", "ts"),
                read.getColumns().stream().map(Type.Column::getName).toList());
        assertTrue(read.getColumn("id").getProperties().contains(ColumnProperty.PRIMARY_KEY));
        assertTrue(read.getColumn("customer").isNullable());
        assertTrue(read.getColumn("customer").getProperties().contains(ColumnProperty.CHAR16));
        assertEquals(Double.class, read.getColumn("amount").getType());
        assertTrue(read.getColumn("ts").getProperties().contains(ColumnProperty.TIMESTAMP));
        assertTrue(emu.tableNames().contains("ki_home.type_roundtrip"));
    }

    @Test
    void bulkInsertedRowsReadBackFilteredSortedAndPaged() throws GPUdbException {
        createOrders("paged");
        long inserts = emu.calls("/insert/records");
        bulkInsert("paged", 0, 250, Map.of());
        assertEquals(250, emu.rowCount("paged"));
        assertEquals(3, emu.calls("/insert/records") - inserts, "batches of 100: 100 + 100 + 50");

        GetRecordsResponse<GenericRecord> page = db.getRecords("paged", 10, 20, Map.of(
                "expression", "id >= 100 and id < 200", "sort_by", "id", "sort_order", "descending"));
        assertEquals(100, page.getTotalNumberOfRecords());
        assertTrue(page.getHasMoreRecords());
        List<Long> expected = new ArrayList<>();
        for (long id = 189; id > 169; id--) {
            expected.add(id);
        }
        assertEquals(expected, ids(page));

        GetRecordsResponse<GenericRecord> last = db.getRecords("paged", 90, 20, Map.of(
                "expression", "id >= 100 and id < 200", "sort_by", "id"));
        assertEquals(List.of(190L, 191L, 192L, 193L, 194L, 195L, 196L, 197L, 198L, 199L), ids(last));
        assertFalse(last.getHasMoreRecords());
    }

    @Test
    void filtersLikeIncrementalReaders() throws GPUdbException {
        createOrders("filtered");
        bulkInsert("filtered", 0, 50, Map.of());
        assertEquals(List.of(41L, 42L), ids(sorted("filtered", "(id > 40 AND id <= 42) OR customer = 'nobody'")));
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L), ids(sorted("filtered", "customer is null")));
        assertEquals(45, sorted("filtered", "customer IS NOT NULL").getTotalNumberOfRecords());
        assertEquals(List.of(1L, 6L), ids(sorted("filtered", "customer == 'c1' and not (id >= 10) or id < 0")));
        assertEquals(List.of(48L, 49L), ids(sorted("filtered", "amount > 71.0 and customer <> 'c0'")));
        assertEquals(List.of(0L, 1L), ids(sorted("filtered", "ts < '2023-11-14 22:13:22'")));
        assertEquals(List.of(3L, 5L), ids(sorted("filtered", "id in (3, 5, 77) and qty != 0")));
    }

    private static GetRecordsResponse<GenericRecord> sorted(String table, String expression) throws GPUdbException {
        return db.getRecords(table, 0, -9999, Map.of("expression", expression, "sort_by", "id"));
    }

    @Test
    void rejectsFiltersItCannotParse() throws GPUdbException {
        createOrders("bad_filter");
        for (String bad : List.of("id >", "id >> 3", "nosuchcolumn = 1", "id = 'unterminated", "id = 1 and")) {
            GPUdbException e = assertThrows(GPUdbException.class,
                    () -> db.getRecords("bad_filter", 0, 10, Map.of("expression", bad)), bad);
            assertTrue(e.getMessage().contains("Invalid filter expression"), e.getMessage());
        }
    }

    @Test
    void duplicatePrimaryKeyIsAnErrorUnlessUpsertOrIgnore() throws GPUdbException {
        createOrders("keyed");
        db.insertRecords("keyed", List.of(order(1, "first", 1.0)), Map.of());

        GPUdbException duplicate = assertThrows(GPUdbException.class,
                () -> db.insertRecords("keyed", List.of(order(1, "second", 2.0)), Map.of()));
        assertTrue(duplicate.getMessage().contains("primary key"), duplicate.getMessage());

        InsertRecordsResponse ignored = db.insertRecords("keyed", List.of(order(1, "ignored", 3.0), order(2, "new", 4.0)),
                Map.of("ignore_existing_pk", "true"));
        assertEquals(1, ignored.getCountInserted());
        assertEquals(0, ignored.getCountUpdated());
        assertEquals("first", customerOf("keyed", 1));

        InsertRecordsResponse upserted = db.insertRecords("keyed", List.of(order(1, "upserted", 5.0)),
                Map.of("update_on_existing_pk", "true"));
        assertEquals(0, upserted.getCountInserted());
        assertEquals(1, upserted.getCountUpdated());
        assertEquals("upserted", customerOf("keyed", 1));
        assertEquals(2, emu.rowCount("keyed"));
    }

    @Test
    void bulkInserterUpserts() throws GPUdbException {
        createOrders("bulk_upsert");
        bulkInsert("bulk_upsert", 0, 300, Map.of());
        bulkInsert("bulk_upsert", 200, 400, Map.of("update_on_existing_pk", "true"));
        assertEquals(400, emu.rowCount("bulk_upsert"));
        assertThrows(GPUdbException.class, () -> bulkInsert("bulk_upsert", 399, 401, Map.of()));
    }

    @Test
    void deletesWithinAGlobalExpression() throws GPUdbException {
        createOrders("pruned_globally");
        bulkInsert("pruned_globally", 0, 20, Map.of());
        DeleteRecordsResponse deleted = db.deleteRecords("pruned_globally", List.of("qty = 1", "qty = 2"),
                Map.of("global_expression", "id < 10"));
        assertEquals(List.of(2L, 2L), deleted.getCountsDeleted(), "ids 1 and 8 have qty 1, 2 and 9 qty 2; not 15 and 16");
        assertEquals(16, emu.rowCount("pruned_globally"));
    }

    @Test
    void systemPropertiesAskedForByName() throws GPUdbException {
        Map<String, String> some = db.showSystemProperties(Map.of("properties",
                "version.gpudb_core_version, conf.enable_ha,conf.no_such_property")).getPropertyMap();
        assertEquals(Map.of("version.gpudb_core_version", "7.1.10.5", "conf.enable_ha", "FALSE"), some);
        assertTrue(db.showSystemProperties(Map.of()).getPropertyMap().size() > 2, "all of them without the option");
    }

    private static String customerOf(String table, long id) throws GPUdbException {
        GetRecordsResponse<GenericRecord> response = db.getRecords(table, 0, 10, Map.of("expression", "id = " + id));
        assertEquals(1, response.getData().size());
        return (String) response.getData().get(0).get("customer");
    }
}
