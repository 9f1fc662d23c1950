package dev.kconnect.sandbox.kinetica;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.sandbox.PortInUseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.gpudb.GPUdbBase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected faults, in the JVM and over HTTP: outage, errors, latency, refusals, a hang; stored rows survive all of them. */
class KineticaEmulatorFaultsTest {
    static final Type EVENTS = new Type("events",
            new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class));

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());

    @AfterEach
    void allFaultsOff() {
        emu.faults().reset();
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

    @Test
    void aHungEmulatorAnswersNothingAndCarriesOutWhatItHeldOnceReset() throws GPUdbException {
        createWithRows("hung", 1);
        GPUdb impatient = new GPUdb(emu.url(), new GPUdb.Options()
                .setDisableAutoDiscovery(true).setDisableFailover(true).setTimeout(300));
        long inserts = emu.calls("/insert/records");
        emu.faults().hang();
        GenericRecord late = new GenericRecord(EVENTS);
        late.put("id", 7);
        late.put("name", "late");
        assertThrows(GPUdbException.class, () -> impatient.insertRecords("hung", List.of(late), Map.of()));
        assertThrows(GPUdbException.class, () -> impatient.hasTable("hung", Map.of()));
        assertEquals(inserts, emu.calls("/insert/records"), "taken in, not carried out");
        assertEquals(1, emu.rowCount("hung"));
        emu.faults().reset();
        assertEquals(inserts + 1, emu.calls("/insert/records"));
        assertEquals(2, emu.rowCount("hung"), "the insert the client gave up on is carried out");
        assertTrue(impatient.hasTable("hung", Map.of()).getTableExists());
    }

    // ---- the same faults over HTTP, on the controls' own port, from outside the JVM (kconnect sandbox fault)

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> call(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emu.controlUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failingCallsAreSetAndShown() throws Exception {
        HttpResponse<String> set = call("POST", "/_sandbox/faults/fail?calls=2");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().contains("\"failing_calls\":2"), set.body());
        assertThrows(GPUdbException.class, () -> db.showSystemProperties(GPUdbBase.options()));
        assertThrows(GPUdbException.class, () -> db.showSystemProperties(GPUdbBase.options()));
        db.showSystemProperties(GPUdbBase.options());
        assertTrue(call("GET", "/_sandbox/faults").body().contains("\"failing_calls\":0"));
    }

    @Test
    void downComesBackByItself() throws Exception {
        HttpResponse<String> set = call("POST", "/_sandbox/faults/down?seconds=1");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().matches("(?s).*\"down_for_ms\":1[01]\\d\\d.*"), set.body());
        Thread.sleep(300);
        GPUdbException refused = assertThrows(GPUdbException.class,
                () -> db.showSystemProperties(GPUdbBase.options()));
        assertTrue(refused.hadConnectionFailure() || refused.getMessage().contains("refused"), refused.getMessage());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                db.showSystemProperties(GPUdbBase.options());
                break;
            } catch (GPUdbException e) {
                assertTrue(System.nanoTime() < deadline, "still down 10 s later");
                Thread.sleep(100);
            }
        }
    }

    @Test
    void refusalsLatencyAndResetTooAndMistakesGetA400SayingWhatToDo() throws Exception {
        assertTrue(call("POST", "/_sandbox/faults/refuse?column=seq&value=13").body().contains("\"refusing\":\"seq=13\""));
        assertTrue(call("POST", "/_sandbox/faults/latency?ms=5").body().contains("\"latency_ms\":5"));
        String reset = call("POST", "/_sandbox/faults/reset").body();
        assertEquals("{\"kinetica_url\":\"" + emu.url() + "\",\"down\":false,\"down_for_ms\":0,\"failing_calls\":0,"
                + "\"latency_ms\":0,\"refusing\":null,\"denying_credentials\":false,\"hung\":false}\n", reset);
        for (Map.Entry<String, String> bad : Map.of(
                "/_sandbox/faults/fail", "give calls=...",
                "/_sandbox/faults/fail?calls=x", "calls must be a whole number, not 'x'",
                "/_sandbox/faults/latency?ms=-1", "ms must be between 0 and 60000, not -1",
                "/_sandbox/faults/explode", "unknown fault 'explode': use down, fail, latency, refuse, deny, hang or reset")
                .entrySet()) {
            HttpResponse<String> r = call("POST", bad.getKey());
            assertEquals(400, r.statusCode());
            assertEquals(bad.getValue() + "\n", r.body());
        }
    }

    /** The controls' port stays up while the emulator is down: every fault is set there, and reset ends the outage. */
    @Test
    void everyFaultIsSetAndResetWhileTheEmulatorIsDown() throws Exception {
        assertEquals(200, call("POST", "/_sandbox/faults/down?seconds=3600").statusCode());
        String down = awaitStatus("\"down\":true"); // a moment after answering
        assertTrue(down.matches("(?s).*\"down_for_ms\":3\\d{6}.*"), down);
        assertThrows(GPUdbException.class, () -> db.showSystemProperties(GPUdbBase.options()));
        for (String set : List.of("fail?calls=1", "latency?ms=5", "refuse?column=seq&value=13", "deny", "hang",
                "down?seconds=3600")) {
            HttpResponse<String> r = call("POST", "/_sandbox/faults/" + set);
            assertEquals(200, r.statusCode(), set + ": " + r.body());
        }
        String all = call("GET", "/_sandbox/faults").body();
        assertTrue(all.contains("\"failing_calls\":1,\"latency_ms\":5,\"refusing\":\"seq=13\",\"denying_credentials\":true,\"hung\":true"), all);

        assertTrue(call("POST", "/_sandbox/faults/reset").body().contains("\"down\":false,\"down_for_ms\":0"));
        db.showSystemProperties(GPUdbBase.options()); // up at once, credentials accepted, no failure left
    }

    @Test
    void deniedCredentialsAreRefusedAsKineticaRefusesThem() throws Exception {
        emu.faults().denyCredentials();
        GPUdbException denied = assertThrows(GPUdbException.class, () -> db.showSystemProperties(GPUdbBase.options()));
        assertTrue(denied.getMessage().contains("Unauthorized"), denied.getMessage());
        emu.faults().reset();
        db.showSystemProperties(GPUdbBase.options());
    }

    private static String awaitStatus(String part) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String status = call("GET", "/_sandbox/faults").body();
        while (!status.contains(part)) {
            assertTrue(System.nanoTime() < deadline, "no " + part + " 10 s later: " + status);
            Thread.sleep(50);
            status = call("GET", "/_sandbox/faults").body();
        }
        return status;
    }
}
