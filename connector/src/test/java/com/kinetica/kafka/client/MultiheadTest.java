package com.kinetica.kafka.client;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;

class MultiheadTest {

    @Test
    void aServerWithoutWorkerRanksIsWrittenThroughTheHeadNode() throws Exception {
        try (KineticaEmulator emu = KineticaEmulator.start(0)) {
            GPUdb gpudb = new GPUdb(emu.url(), new GPUdbBase.Options().setDisableAutoDiscovery(true)
                    .setDisableFailover(true));
            assertNull(Multihead.workers(gpudb, true));
            assertNull(Multihead.workers(gpudb, false));
        }
    }
}
