package com.kinetica.kafka;

import com.gpudb.GPUdb;
import com.kinetica.kafka.config.KineticaSourceConfig;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static com.kinetica.kafka.EventsTable.range;
import static com.kinetica.kafka.KineticaSourceTaskTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Kinetica that takes connections in and never answers is an outage like a refused connection:
 * reads are retried within kinetica.source.max_retries, then the task fails.
 */
// a separate thread: a socket read that hangs ignores interrupts, and would hold the build
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SourceTaskSilenceTest {
    @AutoClose
    static final KineticaEmulator emulator = KineticaEmulator.start(0);
    static final GPUdb db = emulator.client();
    final SourceTaskHarness harness = new SourceTaskHarness();

    @AfterEach
    void stopTask() {
        harness.stop();
        emulator.faults().reset();
    }

    /** Requests wait half a second for an answer; the default minute bounds them the same way (KineticaClientsTest). */
    private static Map<String, String> props(String url, String table) {
        Map<String, String> props = KineticaSourceTaskTest.props(table);
        props.put("kinetica.url", url);
        props.put("kinetica.timeout", "500");
        return props;
    }

    @Test
    void aServerThatNeverAnswersFailsTheTaskOnceTheRetriesRunOut() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            Map<String, String> props = props(silent.url(), "events");
            props.put(KineticaSourceConfig.MAX_RETRIES, "1");
            harness.start(props);
            assertEquals(List.of(), harness.pollOnce()); // failed, waited, will retry
            ConnectException e = assertThrows(ConnectException.class, harness::pollOnce);
            assertTrue(e.getMessage().startsWith("Reading Kinetica at " + silent.url()
                    + " failed 2 times in a row (kinetica.source.max_retries=1), giving up: "), e.getMessage());
            assertTrue(e.getMessage().contains("kinetica.timeout"), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
        }
    }

    @Test
    void aKineticaThatHangsMidRunIsRetriedAndTheTaskCarriesOnWhereItWas() throws Exception {
        String table = "hangs";
        EventsTable.create(db, table);
        EventsTable.insert(db, table, 1, 5, id -> 1000);
        harness.start(props(emulator.url(), table));
        assertEquals(range(1, 5), ids(harness.pollAll()));
        emulator.faults().hang();
        assertEquals(List.of(), harness.pollOnce()); // no answer, waited, will retry
        emulator.faults().reset();
        EventsTable.insert(db, table, 6, 8, id -> 1000);
        assertEquals(range(6, 8), ids(harness.pollUntil(3)));
        assertEquals(List.of(), harness.pollOnce(), "nothing twice");
    }
}
