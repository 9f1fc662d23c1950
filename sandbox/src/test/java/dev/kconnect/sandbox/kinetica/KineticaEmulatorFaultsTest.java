package dev.kconnect.sandbox.kinetica;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.sandbox.PortInUseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected faults: outage, errors, latency; stored rows survive all of them. */
class KineticaEmulatorFaultsTest {
    static final Type EVENTS = new Type("events",
            new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class));

    static KineticaEmulator emu;
    static GPUdb db;

    @BeforeAll
    static void start() throws GPUdbException {
        emu = KineticaEmulator.builder().port(0).start();
        db = Clients.direct(emu.url());
    }

    @AfterEach
    void allFaultsOff() {
        emu.faults().reset();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static void createWithRows(String table, int rows) throws GPUdbException {
        db.createTable(table, EVENTS.create(db), Map.of());
        for (int i = 0; i < rows; i++) {
            GenericRecord record = new GenericRecord(EVENTS);
            record.put("id", i);
            record.put("name", "event " + i);
            db.insertRecords(table, List.of(record), Map.of());
        }
    }

    @Test
    void downRefusesConnectionsAndUpServesTheSameRows() throws GPUdbException {
        createWithRows("outage", 3);
        int port = emu.port();
        emu.faults().down();
        GPUdbException refused = assertThrows(GPUdbException.class, () -> db.hasTable("outage", Map.of()));
        assertTrue(refused.hadConnectionFailure() || refused.getMessage().toLowerCase().contains("connect"),
                refused.getMessage());
        emu.faults().up();
        assertEquals(port, emu.port());
        assertEquals(3, db.getRecords("outage", 0, 10, Map.of()).getData().size());
        assertEquals(3, emu.rowCount("outage"));
    }

    @Test
    void failNextAnswersErrorsThenServesAgain() throws GPUdbException {
        createWithRows("flaky", 1);
        emu.faults().failNext(2);
        for (int i = 0; i < 2; i++) {
            GPUdbException e = assertThrows(GPUdbException.class, () -> db.hasTable("flaky", Map.of()));
            assertTrue(e.getMessage().contains("Injected fault"), e.getMessage());
        }
        assertTrue(db.hasTable("flaky", Map.of()).getTableExists());

        emu.faults().failNext(1, "Kinetica is offline");
        GPUdbException offline = assertThrows(GPUdbException.class, () -> db.hasTable("flaky", Map.of()));
        assertTrue(offline.getMessage().contains("Kinetica is offline"), offline.getMessage());
        assertEquals(1, db.getRecords("flaky", 0, 10, Map.of()).getData().size());
    }

    @Test
    void aPortInUseIsReportedAndAClosedEmulatorStaysDown() {
        PortInUseException taken = assertThrows(PortInUseException.class,
                () -> KineticaEmulator.start(emu.port()));
        assertTrue(taken.getMessage().contains(String.valueOf(emu.port())), taken.getMessage());
        KineticaEmulator closed = KineticaEmulator.start(0);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.faults().up());
    }

    @Test
    void latencyBeyondTheClientTimeoutMakesCallsTimeOut() throws GPUdbException {
        createWithRows("slow", 1);
        GPUdb impatient = new GPUdb(emu.url(), new GPUdb.Options()
                .setDisableAutoDiscovery(true).setDisableFailover(true).setTimeout(300));
        emu.faults().latency(Duration.ofMillis(1500));
        assertThrows(GPUdbException.class, () -> impatient.hasTable("slow", Map.of()));
        emu.faults().latency(Duration.ZERO);
        assertTrue(impatient.hasTable("slow", Map.of()).getTableExists());
    }
}
