package com.kinetica.kafka.client;

import com.gpudb.GPUdbException;
import com.kinetica.kafka.SilentServer;
import com.kinetica.kafka.config.ConnectionSettings;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.config.KineticaSourceConfig;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clients the tasks make: bounded by default, and a silent server fails the check at start. */
class KineticaClientsTest {

    @Test
    void byDefaultEveryRequestWaitsForItsAnswerAMinuteAtMost() throws Exception {
        try (KineticaEmulator emu = KineticaEmulator.start(0)) {
            ConnectionSettings sink = new KineticaSinkConfig(Map.of("kinetica.url", emu.url(), "topics", "t"))
                    .connection();
            ConnectionSettings source = new KineticaSourceConfig(
                    Map.of("kinetica.url", emu.url(), "kinetica.table_names", "t")).connection();
            assertEquals(60_000, sink.timeoutMs());
            assertEquals(60_000, source.timeoutMs());
            assertEquals(60_000, KineticaClients.connect(sink).getTimeout());
        }
    }

    @Test
    // a separate thread: a socket read that hangs ignores interrupts, and would hold the build
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theCheckAtStartFailsOnAServerThatNeverAnswersNamingItAndTheSetting() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            GPUdbException e = assertThrows(GPUdbException.class,
                    () -> KineticaClients.connect(new ConnectionSettings(silent.url(), "", "", 300)));
            assertTrue(e.getMessage().startsWith("Kinetica at " + silent.url() + " did not answer: "), e.getMessage());
            assertEquals(Failures.Kind.UNREACHABLE, Failures.classify(e), "passes, like a refused connection");
            assertEquals("Kinetica took the request and gave no answer within kinetica.timeout", Failures.reason(e));
        }
    }
}
