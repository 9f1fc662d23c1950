package dev.kconnect.cli.worker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up runs for a worker's start only: short commands and help exit without waiting for it. */
class WorkerWarmupTest {

    @Test
    void workersWarmUp() {
        assertTrue(WorkerWarmup.runsWorker("standalone", new String[] {"standalone", "sink.properties"}));
        assertTrue(WorkerWarmup.runsWorker("distributed", new String[] {"distributed", "worker.properties"}));
        assertTrue(WorkerWarmup.runsWorker("sandbox", new String[] {"sandbox", "--rest-port", "8084"}));
    }

    @Test
    void helpShortCommandsAndFaultsDoNot() {
        assertFalse(WorkerWarmup.runsWorker("standalone", new String[] {"standalone", "--help"}));
        assertFalse(WorkerWarmup.runsWorker("sandbox", new String[] {"sandbox", "-h"}));
        assertFalse(WorkerWarmup.runsWorker("sandbox", new String[] {"sandbox", "fault", "kinetica", "down", "--for", "5s"}));
        assertFalse(WorkerWarmup.runsWorker("list", new String[] {"list"}));
        assertFalse(WorkerWarmup.runsWorker(null, new String[] {"--help"}));
    }
}
