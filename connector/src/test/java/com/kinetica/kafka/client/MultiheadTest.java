package com.kinetica.kafka.client;

import com.gpudb.WorkerList;
import com.kinetica.kafka.config.ConnectionSettings;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MultiheadTest {

    static ConnectionSettings settings(KineticaEmulator emu) {
        return new ConnectionSettings(emu.url(), "", "", 10_000);
    }

    @Test
    void aServerWithoutWorkerRanksIsWrittenThroughTheHeadNode() {
        try (KineticaEmulator emu = KineticaEmulator.start(0)) {
            assertNull(Multihead.workers(settings(emu), true));
            assertNull(Multihead.workers(settings(emu), false));
        }
    }

    @Test
    void theWorkerRanksOfAServerAreListedUnlessMultiheadIsOff() throws Exception {
        try (KineticaEmulator emu = KineticaEmulator.builder().port(0).workerRanks(2).start()) {
            WorkerList workers = Multihead.workers(settings(emu), true);
            assertEquals(List.of(new URL(emu.url(1)), new URL(emu.url(2))), workers);
            assertNull(Multihead.workers(settings(emu), false));
        }
    }

    @Test
    void aServerThatCannotBeReachedIsWrittenThroughTheHeadNode() {
        KineticaEmulator emu = KineticaEmulator.builder().port(0).workerRanks(2).start();
        ConnectionSettings settings = settings(emu);
        emu.close();
        assertNull(Multihead.workers(settings, true));
    }
}
