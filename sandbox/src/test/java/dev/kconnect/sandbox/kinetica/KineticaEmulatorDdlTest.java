package dev.kconnect.sandbox.kinetica;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.CreateTableMonitorResponse;
import com.gpudb.protocol.DeleteRecordsResponse;
import com.gpudb.protocol.ShowTypesResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schemas, alter, clear, delete, types, monitors and type enforcement through the real client. */
class KineticaEmulatorDdlTest {
    static final Type PEOPLE = new Type("people",
            new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class),
            new Type.Column("age", Integer.class));

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());

    private static void createPeople(String table, int rows) throws GPUdbException {
        db.createTable(table, PEOPLE.create(db), Map.of());
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            records.add(person(PEOPLE, i, "p" + i, 20 + i));
        }
        if (!records.isEmpty()) {
            db.insertRecords(table, records, Map.of());
        }
    }

    private static GenericRecord person(Type type, Object... values) {
        GenericRecord record = new GenericRecord(type);
        for (int i = 0; i < values.length; i++) {
            record.put(i, values[i]);
        }
        return record;
    }

    private static Map<String, String> alteration(String column, String action, String... options) {
        Map<String, String> map = new HashMap<>(Map.of("column_name", column, "action", action));
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return map;
    }

    @Test
    void schemasHoldTables() throws GPUdbException {
        assertTrue(db.hasSchema("ki_home", Map.of()).getSchemaExists());
        assertFalse(db.hasSchema("sales", Map.of()).getSchemaExists());
        GPUdbException missing = assertThrows(GPUdbException.class, () -> createPeople("sales.people", 0));
        assertTrue(missing.getMessage().contains("Schema 'sales' does not exist"), missing.getMessage());

        db.createSchema("sales", Map.of());
        assertTrue(db.hasSchema("sales", Map.of()).getSchemaExists());
        assertThrows(GPUdbException.class, () -> db.createSchema("sales", Map.of()));
        db.createSchema("sales", Map.of("no_error_if_exists", "true"));

        createPeople("sales.people", 2);
        assertTrue(db.hasTable("sales.people", Map.of()).getTableExists());
        assertFalse(db.hasTable("people_elsewhere", Map.of()).getTableExists());
        assertEquals(List.of("sales.people"), db.showTable("sales", Map.of("show_children", "true")).getTableNames());
        assertEquals(2, emu.rowCount("sales.people"));
    }

    @Test
    void createTableTwiceFailsUnlessNoErrorIfExists() throws GPUdbException {
        createPeople("twice", 1);
        String typeId = PEOPLE.create(db);
        assertThrows(GPUdbException.class, () -> db.createTable("twice", typeId, Map.of()));
        db.createTable("twice", typeId, Map.of("no_error_if_exists", "true"));
        assertEquals(1, emu.rowCount("twice"));
    }

    @Test
    void clearTableDropsIt() throws GPUdbException {
        createPeople("dropped", 3);
        db.clearTable("dropped", null, Map.of());
        assertFalse(db.hasTable("dropped", Map.of()).getTableExists());
        assertThrows(GPUdbException.class, () -> db.clearTable("dropped", null, Map.of()));
        db.clearTable("dropped", null, Map.of("no_error_if_not_exists", "true"));
        assertThrows(GPUdbException.class, () -> db.showTable("dropped", Map.of()));
    }

    @Test
    void addColumnKeepsRowsAndChangesTheType() throws GPUdbException {
        createPeople("grown", 2);
        db.alterTable("grown", "add_column", "nick", Map.of("column_type", "string",
                "column_properties", "char32,nullable"));
        db.alterTableColumns("grown", List.of(alteration("score", "add_column",
                "column_type", "long", "column_default_value", "7")), Map.of());

        Type grown = Type.fromTable(db, "grown");
        assertEquals(List.of("id", "name", "age", "nick", "score"),
                grown.getColumns().stream().map(Type.Column::getName).toList());
        assertTrue(grown.getColumn("nick").isNullable());
        assertEquals(Long.class, grown.getColumn("score").getType());
        List<Map<String, Object>> rows = emu.rows("grown");
        assertNull(rows.get(0).get("nick"));
        assertEquals(7L, rows.get(1).get("score"));

        db.insertRecords("grown", List.of(person(grown, 5, "new", 50, "n", 1L)), Map.of());
        assertEquals(3, emu.rowCount("grown"));
        GPUdbException stale = assertThrows(GPUdbException.class,
                () -> db.insertRecords("grown", List.of(person(PEOPLE, 6, "stale", 60)), Map.of()));
        assertTrue(stale.getMessage().contains("does not match"), stale.getMessage());
    }

    @Test
    void changeColumnMakesItNullableAndConvertsValues() throws GPUdbException {
        createPeople("changed", 3);
        db.alterTable("changed", "change_column", "name", Map.of("column_properties", "nullable"));
        db.alterTableColumns("changed", List.of(alteration("age", "change_column", "column_type", "long")), Map.of());

        Type changed = Type.fromTable(db, "changed");
        assertTrue(changed.getColumn("name").isNullable());
        assertEquals(Long.class, changed.getColumn("age").getType());
        db.insertRecords("changed", List.of(person(changed, 9, null, 99L)), Map.of());
        assertEquals(List.of(20L, 21L, 22L, 99L), db.<GenericRecord>getRecords("changed", 0, 10,
                Map.of("sort_by", "id")).getData().stream().map(r -> r.get("age")).toList());

        GPUdbException nulls = assertThrows(GPUdbException.class,
                () -> db.alterTable("changed", "change_column", "name", Map.of("column_properties", "")));
        assertTrue(nulls.getMessage().contains("holds nulls"), nulls.getMessage());
        assertEquals(4, emu.rowCount("changed"));
    }

    @Test
    void alterationsAsTheOriginalConnectorSendsThem() throws GPUdbException {
        db.createTable("evolving", PEOPLE.create(db), Map.of("collection_name", "legacy"));
        assertTrue(db.hasSchema("legacy", Map.of()).getSchemaExists());
        db.alterTableColumns("legacy.evolving", List.of(
                alteration("photo", "add_column", "column_type", "byte", "column_properties", "nullable"),
                alteration("age", "change_column", "column_type", "int", "column_properties", "nullable"),
                alteration("nick", "add_column", "column_type", "string,null")),
                Map.of());   // it sends no options: /alter/table/columns takes none
        Type evolved = Type.fromTable(db, "legacy.evolving");
        assertEquals(java.nio.ByteBuffer.class, evolved.getColumn("photo").getType());
        assertTrue(evolved.getColumn("photo").isNullable());
        assertTrue(evolved.getColumn("age").isNullable());
        assertTrue(evolved.getColumn("nick").isNullable());
        assertThrows(GPUdbException.class, () -> db.alterTableColumns("legacy.evolving",
                List.of(alteration("x", "add_column", "column_type", "int,long")), Map.of()));
    }

    @Test
    void deleteColumnAndUnsupportedActions() throws GPUdbException {
        createPeople("shrunk", 1);
        db.alterTable("shrunk", "delete_column", "age", Map.of());
        assertEquals(List.of("id", "name"), emu.columnNames("shrunk"));
        assertThrows(GPUdbException.class, () -> db.alterTable("shrunk", "delete_column", "id", Map.of()));
        db.alterTable("shrunk", "create_index", "name", Map.of());
        assertThrows(GPUdbException.class, () -> db.alterTable("shrunk", "add_partition", "x", Map.of()));
    }

    @Test
    void deleteRecordsByExpression() throws GPUdbException {
        createPeople("pruned", 10);
        DeleteRecordsResponse deleted = db.deleteRecords("pruned", List.of("id < 3", "name = 'p7'"), Map.of());
        assertEquals(4, deleted.getCountDeleted());
        assertEquals(List.of(3L, 1L), deleted.getCountsDeleted());
        assertEquals(6, emu.rowCount("pruned"));
        assertThrows(GPUdbException.class, () -> db.deleteRecords("pruned", List.of("id <"), Map.of()));
        assertEquals(List.of(1L, 0L), db.deleteRecords("pruned", List.of("id = 5", "id = 1"), Map.of()).getCountsDeleted());
        assertEquals(0, db.getRecords("pruned", 0, 10, Map.of("expression", "id = 5")).getData().size());
        assertEquals(5, emu.rowCount("pruned"));
        db.deleteRecords("pruned", List.of(), Map.of("delete_all_records", "true"));
        assertEquals(0, emu.rowCount("pruned"));
    }

    @Test
    void nullIntoNonNullableColumnIsRefused() throws GPUdbException {
        Type table = new Type("tags",
                new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("tag", String.class));
        db.createTable("strict", table.create(db), Map.of());
        GenericRecord withNull = person(table, 1, null);
        assertThrows(Exception.class, () -> db.insertRecords("strict", List.of(withNull), Map.of()),
                "the client itself refuses to encode a null for a non-nullable column");

        // a client holding a stale type (tag nullable) sends the null; the table's type rejects it
        Type stale = new Type("tags",
                new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("tag", String.class, ColumnProperty.NULLABLE));
        GPUdbException e = assertThrows(GPUdbException.class,
                () -> db.insertRecords("strict", List.of(person(stale, 1, null)), Map.of()));
        assertTrue(e.getMessage().contains("does not match the table's type"), e.getMessage());
        assertEquals(0, emu.rowCount("strict"));
    }

    @Test
    void tooLongCharValueIsRefusedUnlessTruncated() throws GPUdbException {
        Type codes = new Type("codes", new Type.Column("code", String.class, ColumnProperty.CHAR4));
        db.createTable("codes", codes.create(db), Map.of());
        assertThrows(GPUdbException.class,
                () -> db.insertRecords("codes", List.of(person(codes, "toolong")), Map.of()));
        db.insertRecords("codes", List.of(person(codes, "toolong")), Map.of("truncate_strings", "true"));
        assertEquals("tool", emu.rows("codes").get(0).get("code"));
    }

    @Test
    void typedTextAndTimestampsAreCheckedAsKineticaChecksThem() throws GPUdbException {
        Type typed = new Type("typed",
                new Type.Column("id", String.class, ColumnProperty.PRIMARY_KEY, ColumnProperty.UUID),
                new Type.Column("day", String.class, ColumnProperty.DATE),
                new Type.Column("clock", String.class, ColumnProperty.TIME),
                new Type.Column("at", String.class, ColumnProperty.DATETIME),
                new Type.Column("price", String.class, ColumnProperty.DECIMAL),
                new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP),
                new Type.Column("code", String.class, ColumnProperty.CHAR4));
        db.createTable("typed", typed.create(db), Map.of());
        String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Object[] good = {id, "2024-2-9", "7:05:09.12", "2024-02-09 07:05:09.123", "-12345678901234.5678",
                1_700_000_000_123L, "ab"};
        db.insertRecords("typed", List.of(person(typed, good)), Map.of());
        db.insertRecords("typed", List.of(person(typed, "0F8FAD5B-D9CB-469F-A165-70867728950F", "9999-12-31",
                "23:59:59", "2900-12-31", ".5", -30_610_224_000_000L, "abcd")), Map.of());
        Object[][] bad = {
                {"not-a-uuid", 1}, {"0f8fad5b-d9cb-469f-a165-70867728950", 1},
                {"2024-02-30", 2}, {"0999-12-31", 2}, {"2024-02-09T00:00:00", 2}, {"20240209", 2},
                {"24:00:00", 3}, {"07:05", 3}, {"07:05:09.1234", 3}, {"07:05:09Z", 3},
                {"2024-02-09T07:05:09", 4}, {"2024-02-09 07:05", 4}, {"2901-01-01 00:00:00", 4},
                {"123456789012345", 5}, {"1e3", 5}, {"12,5", 5}, {".", 5},
                {29_379_542_400_000L, 6}, {-30_610_224_000_001L, 6}};
        for (Object[] b : bad) {
            Object[] values = good.clone();
            values[(Integer) b[1] - 1] = b[0];
            values[0] = (Integer) b[1] == 1 ? b[0] : "1" + id.substring(1);
            GPUdbException e = assertThrows(GPUdbException.class,
                    () -> db.insertRecords("typed", List.of(person(typed, values)), Map.of()), String.valueOf(b[0]));
            assertTrue(e.getMessage().contains("Invalid value '" + b[0] + "' for column '"
                    + typed.getColumn((Integer) b[1] - 1).getName() + "'"), e.getMessage());
        }
        assertEquals(2, emu.rowCount("typed"));
    }

    @Test
    void propertiesMustFitTheirBaseType() {
        for (Type.Column wrong : List.of(new Type.Column("d", Long.class, ColumnProperty.DATE),
                new Type.Column("t", String.class, ColumnProperty.TIMESTAMP),
                new Type.Column("u", ByteBuffer.class, ColumnProperty.UUID),
                new Type.Column("c", String.class, "char3"))) {
            GPUdbException e = assertThrows(GPUdbException.class, () -> new Type("wrong", wrong).create(db));
            assertTrue(e.getMessage().contains("Column '" + wrong.getName() + "'"), e.getMessage());
        }
    }

    @Test
    void typesPermissionsPropertiesAndMonitors() throws GPUdbException {
        String typeId = PEOPLE.create(db);
        assertEquals(typeId, PEOPLE.create(db), "equal types get equal ids");
        ShowTypesResponse types = db.showTypes(typeId, "", Map.of());
        assertEquals(List.of(typeId), types.getTypeIds());
        assertEquals(List.of("people"), types.getLabels());
        assertTrue(db.hasPermission("admin", "ki_home.x", "table", "insert", Map.of()).getHasPermission());
        assertEquals("7.1.10.5", db.showSystemProperties(Map.of()).getPropertyMap().get("version.gpudb_core_version"));

        createPeople("watched", 0);
        CreateTableMonitorResponse monitor = db.createTableMonitor("watched", Map.of());
        assertEquals("ki_home.watched", monitor.getTableName());
        db.clearTableMonitor(monitor.getTopicId(), Map.of());
        assertThrows(GPUdbException.class, () -> db.clearTableMonitor(monitor.getTopicId(), Map.of()));
    }
}
