package dev.kconnect.testkit;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The switch between the emulator and a server: by default an emulator of the test's own; with
 * {@code kinetica.url=emulator} one emulator shared by the JVM and reached, as a server, through
 * its URL and credentials alone. Either way a schema of its own, read through the client and
 * dropped at the end.
 */
class KineticaUnderTestTest {
    static final Type EVENTS = new Type("events", new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class));

    /** Creates {@code table} in the schema of {@code kinetica} with {@code count} rows. */
    static void createEvents(KineticaUnderTest kinetica, String table, int count) throws GPUdbException {
        GPUdb db = kinetica.gpudb();
        db.createTable(kinetica.table(table), EVENTS.create(db), Map.of());
        List<GenericRecord> rows = new ArrayList<>();
        for (long id = 0; id < count; id++) {
            GenericRecord row = new GenericRecord(EVENTS);
            row.put("id", id);
            row.put("name", "event " + id);
            rows.add(row);
        }
        db.insertRecords(kinetica.table(table), rows, Map.of());
    }

    @Test
    void byDefaultAnEmulatorOfItsOwnReadThroughTheClient() throws Exception {
        try (KineticaUnderTest kinetica = KineticaUnderTest.start("", "", "")) {
            KineticaEmulator emu = kinetica.emulator().orElseThrow();
            assertEquals(emu.url(), kinetica.url());
            assertEquals(Map.of("kinetica.url", emu.url()), kinetica.connection());
            assertTrue(kinetica.schema().matches("kconnect_test_[0-9a-f]{10}"), kinetica.schema());

            createEvents(kinetica, "events", 10_001); // more than one page of /get/records
            assertTrue(kinetica.hasTable("events"), "a name without a schema is in the test's");
            assertTrue(kinetica.hasTable(kinetica.table("events")));
            assertFalse(kinetica.hasTable("other"));
            assertEquals(10_001, kinetica.rowCount("events"));
            assertEquals(List.of("id", "name"), kinetica.columnNames("events"));
            List<Map<String, Object>> rows = kinetica.rows("events");
            assertEquals(10_001, rows.size());
            assertEquals(new HashSet<>(emu.rows(kinetica.table("events"))), new HashSet<>(rows));
        }
    }

    @Test
    void theSharedEmulatorIsReachedAsAServerAndEachKeepsToItsSchema(@TempDir Path dir) throws Exception {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "s3cret\n");
        try (KineticaUnderTest first = KineticaUnderTest.start("emulator", "alice", passwordFile.toString())) {
            KineticaUnderTest second = KineticaUnderTest.start(" emulator ", "alice", passwordFile.toString());
            assertEquals(first.url(), second.url());
            assertNotEquals(first.schema(), second.schema());
            assertEquals(Optional.empty(), first.emulator(), "no faults to inject, no calls counted, as on a server");
            assertEquals(Map.of("kinetica.url", first.url(), "kinetica.username", "alice", "kinetica.password", "s3cret"),
                    first.connection());
            GPUdb anonymous = new GPUdb(first.url(), new GPUdb.Options().setDisableAutoDiscovery(true)
                    .setDisableFailover(true));
            assertThrows(GPUdbException.class, () -> anonymous.hasSchema(first.schema(), Map.of()),
                    "the credentials are required");

            createEvents(first, "events", 3);
            createEvents(second, "events", 2);
            second.close();
            assertFalse(first.hasTable(second.table("events")), "dropped with its schema");
            assertFalse(first.gpudb().hasSchema(second.schema(), Map.of()).getSchemaExists(), "the schema too");
            assertEquals(3, first.rowCount("events"), "another schema's table stays");
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KineticaUnderTest.start("http://127.0.0.1:1", "", ""));
        assertTrue(e.getMessage().startsWith("could not create schema kconnect_test_"), e.getMessage());
        assertTrue(e.getMessage().contains(" in Kinetica at http://127.0.0.1:1 (-Dkinetica.url): "), e.getMessage());
    }
}
