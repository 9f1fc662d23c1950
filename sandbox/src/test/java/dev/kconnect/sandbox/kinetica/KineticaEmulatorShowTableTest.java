package dev.kconnect.sandbox.kinetica;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.ShowTableResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /show/table and /show/types answer with the fields Kinetica 7.1 documents, through the real client. */
class KineticaEmulatorShowTableTest {
    static final Type READINGS = new Type("readings",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("sensor", String.class, ColumnProperty.CHAR16),
            new Type.Column("value", Double.class),
            new Type.Column("note", String.class, ColumnProperty.NULLABLE),
            new Type.Column("raw", ByteBuffer.class, ColumnProperty.NULLABLE));

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());

    @BeforeAll
    static void readings() throws GPUdbException {
        db.createSchema("plant", Map.of());
        db.createTable("plant.readings", READINGS.create(db), Map.of());
        List<GenericRecord> rows = new ArrayList<>();
        for (long id = 0; id < 3; id++) {
            GenericRecord row = new GenericRecord(READINGS);
            row.put("id", id);
            row.put("sensor", "s" + id);
            row.put("value", id * 0.5);
            rows.add(row);
        }
        db.insertRecords("plant.readings", rows, Map.of());
    }

    @Test
    void everyColumnIsListedWithItsStorageProperty() throws GPUdbException {
        Map<String, List<String>> properties = db.showTable("plant.readings", Map.of()).getProperties().get(0);
        // the original connector's tests count columns this way
        assertEquals(READINGS.getColumnCount(), properties.size());
        assertEquals(List.of("data", "primary_key"), properties.get("id"));
        assertEquals(List.of("data", "char16"), properties.get("sensor"));
        assertEquals(List.of("data"), properties.get("value"), "a column given no property has data");
        assertEquals(List.of("data", "nullable"), properties.get("note"));
        assertEquals(List.of("store_only", "nullable"), properties.get("raw"), "bytes columns are store_only");
        assertEquals(properties, db.showTypes(db.showTable("plant.readings", Map.of()).getTypeIds().get(0), "",
                Map.of()).getProperties().get(0), "/show/types says the same");
        assertEquals(READINGS.create(db), new Type("readings", READINGS.getColumns().stream()
                .map(c -> new Type.Column(c.getName(), c.getType(), withData(c))).toList()).create(db),
                "data is the default: a type given it explicitly is the same type");
    }

    private static List<String> withData(Type.Column column) {
        List<String> properties = new ArrayList<>(column.getProperties());
        properties.add(0, column.getType() == ByteBuffer.class ? "store_only" : "data");
        return properties;
    }

    @Test
    void sizesOnlyWhenAskedFor() throws GPUdbException {
        ShowTableResponse plain = db.showTable("plant.readings", Map.of());
        assertEquals(List.of(), plain.getSizes());
        assertEquals(List.of(), plain.getFullSizes());
        assertEquals(-1, plain.getTotalSize());
        assertEquals(-1, plain.getTotalFullSize());

        ShowTableResponse sized = db.showTable("plant.readings", Map.of("get_sizes", "true"));
        assertEquals(List.of(3L), sized.getSizes());
        assertEquals(List.of(3L), sized.getFullSizes());
        assertEquals(3, sized.getTotalSize());
        assertEquals(List.of(3L), db.showTable("plant.readings", Map.of("get_cached_sizes", "true")).getSizes());
    }

    @Test
    void additionalInfoOfAPlainTable() throws GPUdbException {
        ShowTableResponse shown = db.showTable("plant.readings", Map.of());
        assertEquals(List.of("plant.readings"), shown.getTableNames());
        assertEquals(List.of(List.of()), shown.getTableDescriptions(), "a plain table has no description");
        Map<String, String> info = shown.getAdditionalInfo().get(0);
        assertEquals("create_table", info.get("request_avro_type"));
        assertEquals("plant", info.get("schema_name"));
        assertEquals("plant", info.get("collection_names"));
        assertEquals("-1", info.get("table_ttl"));
        assertEquals("NONE", info.get("partition_type"));
        assertEquals("read_write", info.get("global_access_mode"));
        // id 8, sensor char16 16, value 8, note 8: raw is store_only, not held in memory
        assertEquals("40", info.get("record_bytes"));
    }

    @Test
    void aSchemaShowsItsTablesOrItself() throws GPUdbException {
        assertEquals(List.of("plant.readings"), db.showTable("plant", Map.of()).getTableNames(),
                "show_children is true by default");
        ShowTableResponse itself = db.showTable("plant", Map.of("show_children", "false"));
        assertEquals(List.of("plant"), itself.getTableNames());
        assertEquals(List.of(List.of("SCHEMA")), itself.getTableDescriptions());
        assertEquals("plant", itself.getAdditionalInfo().get(0).get("schema_name"));

        assertTrue(db.showTable("", Map.of()).getTableNames().contains("plant.readings"));
        GPUdbException empty = assertThrows(GPUdbException.class,
                () -> db.showTable("", Map.of("show_children", "false")));
        assertTrue(empty.getMessage().contains("show_children must be true"), empty.getMessage());
    }

    @Test
    void aMissingTableIsAnErrorUnlessAskedNotToBe() throws GPUdbException {
        GPUdbException missing = assertThrows(GPUdbException.class, () -> db.showTable("plant.nothing", Map.of()));
        assertTrue(missing.getMessage().contains("Table 'plant.nothing' does not exist"), missing.getMessage());
        ShowTableResponse none = db.showTable("plant.nothing", Map.of("no_error_if_not_exists", "true"));
        assertEquals(List.of(), none.getTableNames());
        assertEquals(List.of(), none.getProperties());
    }
}
