package dev.kconnect.sandbox.kinetica;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.Type;
import com.gpudb.protocol.CreateTableResponse;
import com.gpudb.protocol.ShowSchemaResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables and schemas as Kinetica 7.1 documents them: /create/table's options, schemas shown and dropped. */
class KineticaEmulatorSchemaTest {
    static final Type ITEMS = new Type("items",
            new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class));

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());

    private static CreateTableResponse create(String table, Map<String, String> options) throws GPUdbException {
        return db.createTable(table, ITEMS.create(db), options);
    }

    @Test
    void collectionNameCreatesTheSchemaOfAQualifiedName() throws GPUdbException {
        // as the original connector and its tests create tables
        CreateTableResponse created = create("shop.items", Map.of("collection_name", "shop"));
        assertTrue(db.hasSchema("shop", Map.of()).getSchemaExists());
        assertTrue(db.hasTable("shop.items", Map.of()).getTableExists());
        assertEquals("shop.items", created.getTableName());
        assertEquals("shop.items", created.getInfo().get("qualified_table_name"));
    }

    @Test
    void collectionNameHoldsAnUnqualifiedTable() throws GPUdbException {
        CreateTableResponse created = create("stock", Map.of("collection_name", "depot"));
        assertEquals("stock", created.getTableName(), "the name as given");
        assertEquals("depot.stock", created.getInfo().get("qualified_table_name"));
        assertTrue(db.hasTable("depot.stock", Map.of()).getTableExists());
        assertFalse(db.hasTable("stock", Map.of()).getTableExists());
    }

    @Test
    void withoutCollectionNameTheSchemaMustExist() throws GPUdbException {
        GPUdbException missing = assertThrows(GPUdbException.class, () -> create("nowhere.items", Map.of()));
        assertTrue(missing.getMessage().contains("Schema 'nowhere' does not exist"), missing.getMessage());
        assertEquals("ki_home.plain", create("plain", Map.of()).getInfo().get("qualified_table_name"));
    }

    @Test
    void noErrorIfExistsOnlyForTheSameType() throws GPUdbException {
        create("once", Map.of());
        create("once", Map.of("no_error_if_exists", "true"));
        String other = new Type("other", new Type.Column("id", Long.class)).create(db);
        GPUdbException differs = assertThrows(GPUdbException.class,
                () -> db.createTable("once", other, Map.of("no_error_if_exists", "true")));
        assertTrue(differs.getMessage().contains("already exists"), differs.getMessage());
    }

    @Test
    void isCollectionCreatesASchema() throws GPUdbException {
        CreateTableResponse created = db.createTable("archive", "", Map.of("is_collection", "true"));
        assertTrue(created.getIsCollection());
        assertTrue(db.hasSchema("archive", Map.of()).getSchemaExists());
    }

    @Test
    void optionsWhoseEffectIsNotEmulatedAreRefused() {
        GPUdbException temp = assertThrows(GPUdbException.class,
                () -> create("temp", Map.of("create_temp_table", "true")));
        assertTrue(temp.getMessage().contains("create_temp_table"), temp.getMessage());
    }

    @Test
    void showSchemaListsItsTables() throws GPUdbException {
        db.createSchema("empty", Map.of());
        ShowSchemaResponse empty = db.showSchema("empty", Map.of());
        assertEquals(List.of("empty"), empty.getSchemaNames());
        assertEquals(List.of(List.of()), empty.getSchemaTables());

        create("listed.one", Map.of("collection_name", "listed"));
        assertEquals(List.of(List.of("listed.one")), db.showSchema("listed", Map.of()).getSchemaTables());
        assertTrue(db.showSchema("", Map.of()).getSchemaNames().containsAll(List.of("empty", "listed", "ki_home")));

        assertThrows(GPUdbException.class, () -> db.showSchema("unknown", Map.of()));
        assertEquals(List.of(), db.showSchema("unknown", Map.of("no_error_if_not_exists", "true")).getSchemaNames());
    }

    @Test
    void dropSchemaDropsAnEmptyOneOrWithCascadeItsTables() throws GPUdbException {
        db.createSchema("bare", Map.of());
        db.dropSchema("bare", Map.of());
        assertFalse(db.hasSchema("bare", Map.of()).getSchemaExists());

        create("full.a", Map.of("collection_name", "full"));
        create("full.b", Map.of());
        GPUdbException notEmpty = assertThrows(GPUdbException.class, () -> db.dropSchema("full", Map.of()));
        assertTrue(notEmpty.getMessage().contains("cascade"), notEmpty.getMessage());
        assertTrue(db.hasTable("full.a", Map.of()).getTableExists());

        db.dropSchema("full", Map.of("cascade", "true"));
        assertFalse(db.hasSchema("full", Map.of()).getSchemaExists());
        assertFalse(db.hasTable("full.a", Map.of()).getTableExists());
        assertFalse(emu.tableNames().contains("full.b"));
    }

    @Test
    void dropSchemaOfAMissingOneIsAnErrorUnlessAskedNotToBe() throws GPUdbException {
        GPUdbException missing = assertThrows(GPUdbException.class, () -> db.dropSchema("ghost", Map.of()));
        assertTrue(missing.getMessage().contains("Schema 'ghost' does not exist"), missing.getMessage());
        db.dropSchema("ghost", Map.of("no_error_if_not_exists", "true"));
        assertThrows(GPUdbException.class, () -> db.dropSchema("ki_home", Map.of("cascade", "true")));
        assertTrue(db.hasSchema("ki_home", Map.of()).getSchemaExists());
    }

    @Test
    void theOriginalConnectorsCleanUpRuns() throws GPUdbException {
        // its TestUtils.tableCleanUp: clear the table, then drop its schema once no table is left in it
        create("cleaned.topic", Map.of("collection_name", "cleaned"));
        db.clearTable("cleaned.topic", null, null);
        ShowSchemaResponse left = db.showSchema("cleaned", null);
        assertEquals(1, left.getSchemaTables().size());
        assertEquals(0, left.getSchemaTables().get(0).size());
        db.dropSchema("cleaned", null);
        assertFalse(db.hasSchema("cleaned", null).getSchemaExists());
    }

    @Test
    void clearTableOfAllTablesIsRefused() throws GPUdbException {
        create("kept", Map.of());
        assertThrows(GPUdbException.class, () -> db.clearTable("", null, Map.of()));
        assertTrue(db.hasTable("kept", Map.of()).getTableExists());
    }
}
