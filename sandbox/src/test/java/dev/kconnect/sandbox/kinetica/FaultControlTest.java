package dev.kconnect.sandbox.kinetica;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The faults set over HTTP, from outside the JVM, and what the real client then sees. */
class FaultControlTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
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

    static HttpResponse<String> call(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emu.url() + path))
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
        assertEquals("{\"down_for_ms\":0,\"failing_calls\":0,\"latency_ms\":0,\"refusing\":null}\n", reset);
        for (Map.Entry<String, String> bad : Map.of(
                "/_sandbox/faults/fail", "give calls=...",
                "/_sandbox/faults/fail?calls=x", "calls must be a whole number, not 'x'",
                "/_sandbox/faults/latency?ms=-1", "ms must be between 0 and 60000, not -1",
                "/_sandbox/faults/explode", "unknown fault 'explode': use down, fail, latency, refuse or reset")
                .entrySet()) {
            HttpResponse<String> r = call("POST", bad.getKey());
            assertEquals(400, r.statusCode());
            assertEquals(bad.getValue() + "\n", r.body());
        }
    }
}
